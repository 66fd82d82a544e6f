package org.bianmin.kiosk.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.bianmin.kiosk.watchdog.Liveness;

/**
 * The kiosk's own worker threads, each single-threaded and named, created here and nowhere else. A record of named
 * components, so a caller picks {@code threads.printer()} rather than the third executor of a parameter list.
 *
 * @param devices the ID-card reader (polling, card removal) and the technician's device work
 * @param printer receipts and the idle status poll
 * @param status  the portal-reachability notice
 * @param storage outbox and audit writes, progress lookups, e-ID checks
 * @param admin   PIN checks (PBKDF2 takes a moment and must hold up neither storage nor the FX thread)
 */
public record KioskThreads(ExecutorService devices, ScheduledExecutorService printer,
                           ScheduledExecutorService status, ExecutorService storage, ExecutorService admin) {

    /** Starts the five threads (daemons: a stuck device call never keeps the JVM alive). */
    public static KioskThreads start() {
        return new KioskThreads(
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("devices").daemon().factory()),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("printer").daemon().factory()),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("status").daemon().factory()),
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("storage").daemon().factory()),
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("admin").daemon().factory()));
    }

    /** The threads whose stall must restart the kiosk (the PIN thread only ever runs a bounded hash). */
    List<Liveness.Probe> probes() {
        return List.of(new Liveness.Probe("storage", storage), new Liveness.Probe("devices", devices),
                new Liveness.Probe("printer", printer), new Liveness.Probe("status", status));
    }

    /** Stops them; storage finishes the writes already queued (an audit record, an outbox row), the rest stop now. */
    void close() {
        devices.shutdownNow();
        printer.shutdownNow();
        status.shutdownNow();
        storage.shutdown();
        admin.shutdownNow();
    }
}
