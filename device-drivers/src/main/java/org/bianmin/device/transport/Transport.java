package org.bianmin.device.transport;

import java.time.Duration;

/**
 * Moves bytes to and from one device and nothing else: no framing, no protocol. Every call is bounded by its
 * timeout; a read that times out returns 0 ("nothing arrived" is an ordinary result), while a vanished device,
 * a closed transport or a failed open is a {@link TransportException}. One reader and one writer thread may use
 * a transport at the same time; {@link #close()} may be called from any thread and unblocks both.
 */
public interface Transport extends AutoCloseable {

    /** What this transport talks to, for logs and status (a port path, {@code host:port}, {@code mem:a}). */
    String name();

    /** Opens the link; opening an open transport does nothing. */
    void open() throws TransportException;

    boolean isOpen();

    /**
     * Writes all {@code length} bytes or fails: {@link TransportException.Kind#TIMEOUT} when the device did not
     * take them in time, {@link TransportException.Kind#DISCONNECTED} when it went away.
     */
    void write(byte[] data, int offset, int length, Duration timeout) throws TransportException;

    default void write(byte[] data, Duration timeout) throws TransportException {
        write(data, 0, data.length, timeout);
    }

    /**
     * Reads what has arrived, up to {@code length} bytes, waiting at most {@code timeout} for the first byte.
     * Returns the number of bytes read, 0 when nothing arrived in time.
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException;

    /** Drops bytes received but not yet read (stale replies before a new request). */
    void discardInput() throws TransportException;

    /** Closes the link; idempotent, never throws. */
    @Override
    void close();
}
