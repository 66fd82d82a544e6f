package org.bianmin.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port over jSerialComm, opened by a stable name (see {@link SerialPorts#resolve}). Works the same on a
 * USB-serial adapter and on a pseudo-terminal, so a simulator on the other end of a socat pair is
 * indistinguishable from hardware.
 *
 * <p>jSerialComm quirks handled here: an open is judged by {@code openPort()}'s result (the error code may say
 * ENOTTY after a successful open); a vanished device fires dozens of disconnect events while {@code isOpen()}
 * stays true and writes return 0, so the first event marks this transport disconnected, later ones are ignored,
 * and every later call fails with {@link TransportException.Kind#DISCONNECTED} until it is closed and reopened;
 * Linux read timeouts are in tenths of a second, so short waits poll instead of relying on them.
 */
public final class SerialTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
    /** Native blocking reads and writes are cut into slices this long so close and unplug are seen quickly. */
    private static final int SLICE_MS = 100;
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int EAGAIN = 11;
    private static final int ENOENT = 2;

    private final String portName;
    private final SerialSettings settings;
    private final Object lifecycle = new Object();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private volatile SerialPort port;
    private volatile Runnable disconnectListener = () -> {};

    public SerialTransport(String portName, SerialSettings settings) {
        this.portName = Objects.requireNonNull(portName, "portName");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return portName;
    }

    /**
     * Called once, from jSerialComm's event thread, when the device vanishes while open (the event storm is
     * collapsed here); the supervisor uses it to notice an unplug on an idle port.
     */
    public void onDisconnect(Runnable listener) {
        this.disconnectListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void open() throws TransportException {
        synchronized (lifecycle) {
            if (port != null) {
                return;
            }
            String path = SerialPorts.resolve(portName);
            SerialPort candidate;
            try {
                candidate = SerialPort.getCommPort(path);
            } catch (SerialPortInvalidPortException e) {
                throw new TransportException(TransportException.Kind.NOT_FOUND, "no serial port " + path, e);
            } catch (LinkageError e) {
                throw SerialPorts.nativeLibraryMissing(e);
            }
            candidate.setComPortParameters(settings.baud(), settings.dataBits(),
                    settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                    switch (settings.parity()) {
                        case NONE -> SerialPort.NO_PARITY;
                        case ODD -> SerialPort.ODD_PARITY;
                        case EVEN -> SerialPort.EVEN_PARITY;
                    });
            candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    SLICE_MS, SLICE_MS);
            if (!candidate.openPort()) {
                throw openFailure(path, candidate.getLastErrorCode());
            }
            disconnected.set(false);
            candidate.addDataListener(new DisconnectWatcher());
            port = candidate;
            log.debug("opened {} ({}) at {} baud", portName, path, settings.baud());
        }
    }

    private static TransportException openFailure(String path, int errno) {
        return switch (errno) {
            case EACCES -> new TransportException(TransportException.Kind.PERMISSION_DENIED,
                    "permission denied on " + path + " (is the kiosk user in the dialout group?)");
            case EBUSY, EAGAIN -> new TransportException(TransportException.Kind.BUSY,
                    path + " is in use by another process");
            case ENOENT -> new TransportException(TransportException.Kind.NOT_FOUND, "no serial port " + path);
            default -> new TransportException(TransportException.Kind.IO,
                    "could not open " + path + " (errno " + errno + ")");
        };
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    private SerialPort usablePort() throws TransportException {
        SerialPort current = port;
        if (current == null) {
            throw new TransportException(TransportException.Kind.CLOSED, portName + " is not open");
        }
        if (disconnected.get()) {
            throw new TransportException(TransportException.Kind.DISCONNECTED, portName + " was disconnected");
        }
        return current;
    }

    private TransportException lost(String what) {
        if (port == null) {
            // Closed by another thread while this one was in a native call: not an unplug.
            return new TransportException(TransportException.Kind.CLOSED, portName + " was closed");
        }
        markDisconnected();
        return new TransportException(TransportException.Kind.DISCONNECTED, portName + ": " + what + " failed");
    }

    private void markDisconnected() {
        if (disconnected.compareAndSet(false, true)) {
            log.info("{} disconnected", portName);
            disconnectListener.run();
        }
    }

    @Override
    public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
        Objects.checkFromIndexSize(offset, length, data.length);
        long deadline = System.nanoTime() + timeout.toNanos();
        int written = 0;
        while (written < length) {
            SerialPort current = usablePort();
            int n = current.writeBytes(data, length - written, offset + written);
            if (n < 0) {
                throw lost("write");
            }
            written += n;
            if (written < length && n == 0) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new TransportException(TransportException.Kind.TIMEOUT,
                            portName + ": device did not take " + (length - written) + " bytes in " + timeout);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SerialPort current = usablePort();
            int available = current.bytesAvailable();
            if (available < 0) {
                throw lost("read");
            }
            if (available > 0) {
                int n = current.readBytes(buffer, Math.min(available, length), offset);
                if (n < 0) {
                    throw lost("read");
                }
                if (n > 0) {
                    return n;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            if (left >= Duration.ofMillis(SLICE_MS).toNanos()) {
                // Semi-blocking: returns as soon as anything arrives, or after one slice.
                int n = current.readBytes(buffer, length, offset);
                if (n < 0) {
                    throw lost("read");
                }
                if (n > 0) {
                    return n;
                }
            } else {
                LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            }
        }
    }

    @Override
    public void discardInput() throws TransportException {
        byte[] sink = new byte[256];
        while (read(sink, 0, sink.length, Duration.ZERO) > 0) {
            // dropping stale bytes
        }
    }

    @Override
    public void close() {
        SerialPort current;
        synchronized (lifecycle) {
            current = port;
            port = null;
        }
        if (current != null) {
            current.removeDataListener();
            current.closePort();
            log.debug("closed {}", portName);
        }
    }

    @Override
    public String toString() {
        return "serial:" + portName;
    }

    private final class DisconnectWatcher implements SerialPortDataListener {
        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                markDisconnected();
            }
        }
    }
}
