package org.bianmin.device.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bianmin.device.transport.Cable;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device end of a link, as simulators use it: a serving thread that (re)opens the transport and survives
 * unplugs, writes paced at the serial line's speed (a pseudo-terminal would otherwise deliver a 1295-byte reply
 * instantly, which no reader does), split writes, and pulling the cable. Shared by every simulator.
 */
public final class SimulatedPort implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPort.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REOPEN_PAUSE = Duration.ofMillis(50);
    private static final int PACE_CHUNK = 64;

    /** One turn of a simulator's loop; must return within a few hundred milliseconds. */
    @FunctionalInterface
    public interface Step {
        void run(SimulatedPort port) throws TransportException, InterruptedException;
    }

    private final Transport transport;
    private final Optional<Cable> cable;
    private final Optional<SerialSettings> pacing;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param transport the device end (opened and reopened here)
     * @param cable     what "unplug" pulls: the link itself when the simulator owns it; without one, unplugging
     *                  closes the device end for a while, which the host sees as silence
     * @param pacing    line speed to pace writes at; empty writes as fast as the transport takes bytes
     */
    public SimulatedPort(Transport transport, Optional<Cable> cable, Optional<SerialSettings> pacing) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.cable = Objects.requireNonNull(cable, "cable");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
    }

    public Transport transport() {
        return transport;
    }

    /** Starts the serving thread, which runs {@code step} over and over while the port is open. */
    public synchronized void start(String name, Step step) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(() -> serve(step));
    }

    private void serve(Step step) {
        while (running) {
            try {
                transport.open();
                step.run(this);
            } catch (TransportException e) {
                if (running) {
                    log.debug("{}: {}; reopening", transport.name(), e.getMessage());
                    transport.close();
                    sleep(REOPEN_PAUSE);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes {@code bytes}, paced at the line speed if pacing is on. */
    public void send(byte[] bytes) throws TransportException {
        if (pacing.isEmpty()) {
            transport.write(bytes, WRITE_TIMEOUT);
            return;
        }
        long start = System.nanoTime();
        for (int at = 0; at < bytes.length; at += PACE_CHUNK) {
            int n = Math.min(PACE_CHUNK, bytes.length - at);
            transport.write(bytes, at, n, WRITE_TIMEOUT);
            long due = start + (long) (pacing.get().wireSeconds(at + n) * 1e9);
            long early = due - System.nanoTime();
            if (early > 0) {
                sleep(Duration.ofNanos(early));
            }
        }
    }

    /** Writes {@code bytes} in 2–6 random pieces with 5–40 ms pauses in between (a slow or chatty UART). */
    public void sendInPieces(byte[] bytes, RandomGenerator random) throws TransportException {
        int at = 0;
        int pieces = 2 + random.nextInt(5);
        for (int i = 0; i < pieces && at < bytes.length; i++) {
            int n = i == pieces - 1 ? bytes.length - at : 1 + random.nextInt(Math.max(1, bytes.length - at));
            n = Math.min(n, bytes.length - at);
            send(java.util.Arrays.copyOfRange(bytes, at, at + n));
            at += n;
            sleep(Duration.ofMillis(5 + random.nextInt(36)));
        }
        if (at < bytes.length) {
            send(java.util.Arrays.copyOfRange(bytes, at, bytes.length));
        }
    }

    /** Pulls the cable for {@code duration}, then plugs it back in. */
    public void unplugFor(Duration duration) {
        log.info("{}: simulating unplug for {} ms", transport.name(), duration.toMillis());
        if (cable.isPresent()) {
            cable.get().unplug();
            sleep(duration);
            try {
                cable.get().replug();
            } catch (TransportException e) {
                log.warn("{}: could not replug: {}", transport.name(), e.getMessage());
            }
        } else {
            transport.close();
            sleep(duration);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops serving and closes the device end; waits for the serving thread to finish. */
    @Override
    public void close() {
        Thread serving;
        synchronized (this) {
            running = false;
            serving = thread;
            thread = null;
        }
        transport.close();
        if (serving != null) {
            serving.interrupt();
            try {
                serving.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
