package org.bianmin.device.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * A transport whose far side can be exchanged while the driver above it stays the same object: the technician
 * console moves a device to another port without the citizen journey, which holds the driver, noticing. Calls in
 * flight on the old link end with the old link's {@link TransportException} ({@code CLOSED}); the next call goes
 * to the new one. The supervisor does the switch, between a close and the next open.
 */
public final class SwitchableTransport extends ForwardingTransport {

    private volatile Transport current;

    public SwitchableTransport(Transport initial) {
        super(initial);
        this.current = initial;
    }

    /** The link in use now. */
    public Transport current() {
        return current;
    }

    @Override
    protected Transport delegate() {
        return current;
    }

    /**
     * A read cut short because the link was switched under it is "nothing arrived", not a failure: a driver
     * reporting its port lost would make the supervisor reconnect the new link too, dropping what it received.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        Transport link = current;
        try {
            return link.read(buffer, offset, length, timeout);
        } catch (TransportException e) {
            if (link != current) {
                return 0;
            }
            throw e;
        }
    }

    /** Closes the link in use and puts {@code next} in its place (unopened). */
    public void switchTo(Transport next) {
        Transport old = current;
        current = Objects.requireNonNull(next, "next");
        old.close();
    }

    @Override
    public String toString() {
        return "switchable:" + current;
    }
}
