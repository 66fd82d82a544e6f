package org.bianmin.device.transport;

import java.time.Duration;
import java.util.Objects;

/** A transport that passes every call to another; extend it to count, record or disturb traffic. */
public abstract class ForwardingTransport implements Transport {

    private final Transport inner;

    protected ForwardingTransport(Transport inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** Where calls go: the transport given at construction, unless a subclass exchanges it. */
    protected Transport delegate() {
        return inner;
    }

    @Override
    public String name() {
        return delegate().name();
    }

    @Override
    public void open() throws TransportException {
        delegate().open();
    }

    @Override
    public boolean isOpen() {
        return delegate().isOpen();
    }

    @Override
    public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
        delegate().write(data, offset, length, timeout);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        return delegate().read(buffer, offset, length, timeout);
    }

    @Override
    public void discardInput() throws TransportException {
        delegate().discardInput();
    }

    @Override
    public void close() {
        delegate().close();
    }
}
