package org.bianmin.device.transport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows listeners every byte a driver writes and reads, for the technician console's traffic view. Costs nothing
 * while nobody listens. The bytes can be personal (an ID card's text block, a receipt): listeners must decode and
 * mask them at once and keep nothing raw; each gets its own copy, which it may zero.
 */
public final class TrafficTap extends ForwardingTransport {

    public enum Direction { TO_DEVICE, FROM_DEVICE }

    /** Called on the driver's thread: must not block. */
    @FunctionalInterface
    public interface Listener {
        void traffic(Direction direction, byte[] bytes);
    }

    private static final Logger log = LoggerFactory.getLogger(TrafficTap.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public TrafficTap(Transport inner) {
        super(inner);
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
        super.write(data, offset, length, timeout);
        tell(Direction.TO_DEVICE, data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        int n = super.read(buffer, offset, length, timeout);
        tell(Direction.FROM_DEVICE, buffer, offset, n);
        return n;
    }

    private void tell(Direction direction, byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.traffic(direction, Arrays.copyOfRange(bytes, offset, offset + length));
            } catch (RuntimeException e) {
                // A faulty traffic view must not break the device it watches.
                log.warn("traffic listener on {} failed", name(), e);
            }
        }
    }
}
