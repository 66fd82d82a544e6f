package org.bianmin.device.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A pseudo-terminal pair made by {@code socat}: two symlinks, {@code host} and {@code device}, each a serial port
 * that jSerialComm opens like hardware. A driver opens {@link #hostPath()} with a {@link SerialTransport}, a
 * simulator opens {@link #devicePath()} with another one. For technicians without hardware and for tests of the
 * real serial stack; {@link #stop()} and {@link #start()} simulate pulling and replugging the cable.
 */
public final class PtyPair implements Cable, AutoCloseable {

    private static final Duration LINK_WAIT = Duration.ofSeconds(5);

    private final Path hostPath;
    private final Path devicePath;
    private Process socat;

    private PtyPair(Path directory) {
        this.hostPath = directory.resolve("host");
        this.devicePath = directory.resolve("device");
    }

    /** Starts socat with its links in {@code directory} (created if missing) and waits for both links. */
    public static PtyPair start(Path directory) throws TransportException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.IO, "cannot create " + directory, e);
        }
        PtyPair pair = new PtyPair(directory);
        pair.start();
        return pair;
    }

    public Path hostPath() {
        return hostPath;
    }

    public Path devicePath() {
        return devicePath;
    }

    /** (Re)starts socat; the links point to fresh pseudo-terminals. */
    public synchronized void start() throws TransportException {
        if (socat != null && socat.isAlive()) {
            return;
        }
        try {
            Files.deleteIfExists(hostPath);
            Files.deleteIfExists(devicePath);
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + hostPath, "pty,raw,echo=0,link=" + devicePath)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.IO, "cannot start socat (is it installed?)", e);
        }
        long deadline = System.nanoTime() + LINK_WAIT.toNanos();
        while (!(Files.exists(hostPath) && Files.exists(devicePath))) {
            if (!socat.isAlive() || System.nanoTime() - deadline > 0) {
                stop();
                throw new TransportException(TransportException.Kind.IO, "socat did not create " + hostPath);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Kills socat, as if the cable were pulled: both ports vanish. */
    public synchronized void stop() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socat = null;
        try {
            Files.deleteIfExists(hostPath);
            Files.deleteIfExists(devicePath);
        } catch (IOException ignored) {
            // socat normally removes its links; leftovers only confuse the next start, which deletes them too
        }
    }

    @Override
    public void unplug() {
        stop();
    }

    @Override
    public void replug() throws TransportException {
        start();
    }

    public synchronized boolean isRunning() {
        return socat != null && socat.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
