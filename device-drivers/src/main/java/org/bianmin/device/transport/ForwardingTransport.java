package org.bianmin.device.transport;

import java.time.Duration;
import java.util.Objects;

/** A transport that passes every call to another; extend it to count, record or disturb traffic. */
public abstract class ForwardingTransport implements Transport {

    private final Transport inner;

    protected ForwardingTransport(Transport inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void open() throws TransportException {
        inner.open();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
        inner.write(data, offset, length, timeout);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        return inner.read(buffer, offset, length, timeout);
    }

    @Override
    public void discardInput() throws TransportException {
        inner.discardInput();
    }

    @Override
    public void close() {
        inner.close();
    }
}
