package org.bianmin.device.transport;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory cable with two ends: the host end (what a driver opens) and the device end (where a simulator or a
 * virtual printer sits). {@link #unplug()} and {@link #replug()} simulate pulling the cable: while unplugged,
 * opening either end fails with {@link TransportException.Kind#NOT_FOUND} and open ends fail with
 * {@link TransportException.Kind#DISCONNECTED} until closed and reopened. Each direction buffers at most
 * {@link #CAPACITY} bytes, so a reader that never reads makes writes time out as a stalled device would.
 */
public final class MemoryLink implements Cable {

    static final int CAPACITY = 64 * 1024;

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final End host;
    private final End device;
    private boolean plugged = true;
    private long plugGeneration;

    public MemoryLink(String name) {
        this.name = name;
        this.host = new End(name + ":host");
        this.device = new End(name + ":device");
        host.peer = device;
        device.peer = host;
    }

    public String name() {
        return name;
    }

    /** The end a driver opens. */
    public Transport hostEnd() {
        return host;
    }

    /** The end a simulator or virtual device serves. */
    public Transport deviceEnd() {
        return device;
    }

    @Override
    public void unplug() {
        lock.lock();
        try {
            plugged = false;
            plugGeneration++;
            host.inbound.clear();
            device.inbound.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void replug() {
        lock.lock();
        try {
            plugged = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A growable ring of bytes; only touched under {@link #lock}. */
    private static final class ByteRing {
        private byte[] data = new byte[256];
        private int head;
        private int size;

        int size() {
            return size;
        }

        void clear() {
            Arrays.fill(data, (byte) 0);
            head = 0;
            size = 0;
        }

        void put(byte[] src, int off, int len) {
            if (size + len > data.length) {
                byte[] bigger = new byte[Math.max(data.length * 2, size + len)];
                for (int i = 0; i < size; i++) {
                    bigger[i] = data[(head + i) % data.length];
                }
                Arrays.fill(data, (byte) 0);
                data = bigger;
                head = 0;
            }
            for (int i = 0; i < len; i++) {
                data[(head + size + i) % data.length] = src[off + i];
            }
            size += len;
        }

        int take(byte[] dst, int off, int len) {
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                int at = (head + i) % data.length;
                dst[off + i] = data[at];
                data[at] = 0; // card reads pass through here: leave no copy behind
            }
            head = (head + n) % data.length;
            size -= n;
            return n;
        }
    }

    private final class End implements Transport {
        private final String endName;
        private final ByteRing inbound = new ByteRing();
        private End peer;
        private boolean open;
        private long openedGeneration;

        End(String endName) {
            this.endName = endName;
        }

        @Override
        public String name() {
            return "mem:" + endName;
        }

        @Override
        public void open() throws TransportException {
            lock.lock();
            try {
                if (!plugged) {
                    throw new TransportException(TransportException.Kind.NOT_FOUND, name() + " is unplugged");
                }
                if (!open || openedGeneration != plugGeneration) {
                    open = true;
                    openedGeneration = plugGeneration;
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isOpen() {
            lock.lock();
            try {
                return open;
            } finally {
                lock.unlock();
            }
        }

        private void checkUsable() throws TransportException {
            if (!open) {
                throw new TransportException(TransportException.Kind.CLOSED, name() + " is not open");
            }
            if (!plugged || openedGeneration != plugGeneration) {
                throw new TransportException(TransportException.Kind.DISCONNECTED, name() + " was unplugged");
            }
        }

        @Override
        public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
            java.util.Objects.checkFromIndexSize(offset, length, data.length);
            long deadline = System.nanoTime() + timeout.toNanos();
            lock.lock();
            try {
                int written = 0;
                while (written < length) {
                    checkUsable();
                    int room = CAPACITY - peer.inbound.size();
                    if (room > 0) {
                        int n = Math.min(room, length - written);
                        peer.inbound.put(data, offset + written, n);
                        written += n;
                        changed.signalAll();
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new TransportException(TransportException.Kind.TIMEOUT,
                                name() + ": peer did not take " + (length - written) + " bytes in " + timeout);
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Kind.IO, name() + ": interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
            java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
            long deadline = System.nanoTime() + timeout.toNanos();
            lock.lock();
            try {
                while (true) {
                    checkUsable();
                    if (inbound.size() > 0) {
                        int n = inbound.take(buffer, offset, length);
                        changed.signalAll();
                        return n;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    changed.await(Math.max(left, 1), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Kind.IO, name() + ": interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void discardInput() throws TransportException {
            lock.lock();
            try {
                checkUsable();
                inbound.clear();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                open = false;
                inbound.clear();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
