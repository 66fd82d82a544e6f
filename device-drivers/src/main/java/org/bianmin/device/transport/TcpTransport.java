package org.bianmin.device.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP link, for network printers and serial-to-Ethernet converters (port 9100 style). The {@link #client} end
 * connects to a device; the {@link #server} end is where a simulator or virtual device waits for one connection.
 * Non-blocking channels with selectors keep every read, write and connect inside its timeout.
 */
public final class TcpTransport implements Transport {

    private final String host;
    private final int port;
    private final boolean listen;
    private final Duration openTimeout;
    private final Object lifecycle = new Object();
    private volatile SocketChannel channel;
    private volatile Selector readSelector;
    private volatile Selector writeSelector;
    private volatile int boundPort;

    private TcpTransport(String host, int port, boolean listen, Duration openTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.listen = listen;
        this.openTimeout = Objects.requireNonNull(openTimeout, "openTimeout");
    }

    /** Connects to {@code host:port} on {@link #open()}. */
    public static TcpTransport client(String host, int port, Duration connectTimeout) {
        return new TcpTransport(host, port, false, connectTimeout);
    }

    /**
     * Listens on {@code bindHost:port} (0 = any free port: {@link #bind()} returns the one chosen) and
     * accepts one connection on {@link #open()}.
     */
    public static TcpTransport server(String bindHost, int port, Duration acceptTimeout) {
        return new TcpTransport(bindHost, port, true, acceptTimeout);
    }

    private ServerSocketChannel server;

    /** Server end only: binds now so that a client can be told the port before {@link #open()} accepts. */
    public int bind() throws TransportException {
        synchronized (lifecycle) {
            if (!listen) {
                throw new IllegalStateException("bind() is for the server end");
            }
            if (server == null) {
                try {
                    server = ServerSocketChannel.open();
                    server.bind(new InetSocketAddress(host, port));
                    server.configureBlocking(false);
                    boundPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
                } catch (IOException e) {
                    throw new TransportException(TransportException.Kind.BUSY, "cannot listen on " + name(), e);
                }
            }
            return boundPort;
        }
    }

    @Override
    public String name() {
        return listen ? "tcp-listen:" + host + ":" + port : new PortAddress.Tcp(host, port).toString();
    }

    @Override
    public void open() throws TransportException {
        synchronized (lifecycle) {
            if (channel != null) {
                return;
            }
            SocketChannel opened = listen ? accept() : connect();
            try {
                opened.configureBlocking(false);
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
                readSelector = Selector.open();
                writeSelector = Selector.open();
                opened.register(readSelector, SelectionKey.OP_READ);
                opened.register(writeSelector, SelectionKey.OP_WRITE);
            } catch (IOException e) {
                closeQuietly(opened);
                throw new TransportException(TransportException.Kind.IO, "cannot set up " + name(), e);
            }
            channel = opened;
        }
    }

    private SocketChannel connect() throws TransportException {
        SocketChannel ch = null;
        try (Selector selector = Selector.open()) {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            if (!ch.connect(new InetSocketAddress(host, port))) {
                ch.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(Math.max(1, openTimeout.toMillis())) == 0) {
                    throw new TransportException(TransportException.Kind.NOT_FOUND,
                            "no answer from " + name() + " in " + openTimeout);
                }
                ch.finishConnect();
            }
            return ch;
        } catch (ConnectException | UnresolvedAddressException e) {
            closeQuietly(ch);
            throw new TransportException(TransportException.Kind.NOT_FOUND, "cannot connect to " + name(), e);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new TransportException(TransportException.Kind.IO, "cannot connect to " + name(), e);
        } catch (TransportException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private SocketChannel accept() throws TransportException {
        bind();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(Math.max(1, openTimeout.toMillis())) == 0) {
                throw new TransportException(TransportException.Kind.NOT_FOUND,
                        "nobody connected to " + name() + " in " + openTimeout);
            }
            SocketChannel accepted = server.accept();
            if (accepted == null) {
                throw new TransportException(TransportException.Kind.NOT_FOUND, "no connection on " + name());
            }
            return accepted;
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.IO, "cannot accept on " + name(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return channel != null;
    }

    private SocketChannel usable() throws TransportException {
        SocketChannel ch = channel;
        if (ch == null) {
            throw new TransportException(TransportException.Kind.CLOSED, name() + " is not open");
        }
        return ch;
    }

    @Override
    public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
        Objects.checkFromIndexSize(offset, length, data.length);
        SocketChannel ch = usable();
        ByteBuffer buffer = ByteBuffer.wrap(data, offset, length);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (buffer.hasRemaining()) {
                if (ch.write(buffer) > 0) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(TransportException.Kind.TIMEOUT,
                            name() + ": peer did not take " + buffer.remaining() + " bytes in " + timeout);
                }
                writeSelector.select(Math.max(1, left / 1_000_000));
                writeSelector.selectedKeys().clear();
            }
        } catch (ClosedChannelException e) {
            throw new TransportException(TransportException.Kind.CLOSED, name() + " was closed", e);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.DISCONNECTED, name() + ": write failed", e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        SocketChannel ch = usable();
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                int n = ch.read(target);
                if (n < 0) {
                    throw new TransportException(TransportException.Kind.DISCONNECTED, name() + ": peer closed");
                }
                if (n > 0) {
                    return n;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                readSelector.select(Math.max(1, left / 1_000_000));
                readSelector.selectedKeys().clear();
            }
        } catch (ClosedChannelException e) {
            throw new TransportException(TransportException.Kind.CLOSED, name() + " was closed", e);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.DISCONNECTED, name() + ": read failed", e);
        }
    }

    @Override
    public void discardInput() throws TransportException {
        byte[] sink = new byte[1024];
        while (read(sink, 0, sink.length, Duration.ZERO) > 0) {
            // dropping stale bytes
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            SocketChannel ch = channel;
            channel = null;
            closeQuietly(ch);
            closeQuietly(readSelector);
            closeQuietly(writeSelector);
            closeQuietly(server);
            server = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort; the channel is unusable either way
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
