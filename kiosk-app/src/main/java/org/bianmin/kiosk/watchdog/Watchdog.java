package org.bianmin.kiosk.watchdog;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings systemd's watchdog only while every watched thread is responsive; when one is stuck it stops pinging, says
 * which in the log and the unit's status, and systemd restarts the kiosk ({@code WatchdogSec=}, {@code Restart=always}).
 */
public final class Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final Liveness liveness;
    private final Notifier notifier;
    private List<String> lastStuck = List.of();

    public Watchdog(Liveness liveness, Notifier notifier) {
        this.liveness = liveness;
        this.notifier = notifier;
    }

    /** Checks every {@code every} on {@code scheduler} (a thread of its own: the watched ones may hang). */
    public void start(ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleAtFixedRate(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check: ping when all answered in time, otherwise withhold the ping. */
    public void tick() {
        try {
            List<String> stuck = liveness.stuck();
            if (stuck.isEmpty()) {
                if (!lastStuck.isEmpty()) {
                    LOG.info("watchdog: all threads answer again");
                    notifier.send("STATUS=running");
                }
                notifier.send("WATCHDOG=1");
            } else if (!stuck.equals(lastStuck)) {
                LOG.error("watchdog: not answering: {}; withholding the watchdog ping so systemd restarts the kiosk",
                        stuck);
                notifier.send("STATUS=not answering: " + String.join(", ", stuck));
            }
            lastStuck = stuck;
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule (that would look like a hang and restart a healthy kiosk).
            LOG.error("watchdog tick failed", e);
        }
    }
}
