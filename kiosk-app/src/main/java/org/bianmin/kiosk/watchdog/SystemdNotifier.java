package org.bianmin.kiosk.watchdog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sd_notify through the {@code systemd-notify} tool. The JDK cannot send on a unix datagram socket, and the tool is
 * systemd's own client: since systemd 246 it waits until the manager has processed the message (a barrier), so the
 * short-lived sender is still attributed to the unit — with {@code NotifyAccess=all} in the unit. One fork per
 * ping (every few tens of seconds) costs a few milliseconds; it needs no native code in the kiosk.
 */
public final class SystemdNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String socket;
    private final String tool;
    private volatile boolean failing;

    SystemdNotifier(String socket, String tool) {
        this.socket = socket;
        this.tool = tool;
    }

    /** A notifier when systemd started the kiosk with a notify socket ({@code Type=notify}); none otherwise. */
    public static Notifier fromEnvironment(Map<String, String> env) {
        return Optional.ofNullable(env.get("NOTIFY_SOCKET")).filter(s -> !s.isBlank())
                .<Notifier>map(s -> new SystemdNotifier(s, "systemd-notify")).orElse(NONE);
    }

    /** The watchdog interval systemd asked for ({@code WatchdogSec=} in the unit), if any. */
    public static Optional<Duration> watchdogInterval(Map<String, String> env) {
        try {
            return Optional.ofNullable(env.get("WATCHDOG_USEC")).map(Long::parseLong).filter(us -> us > 0)
                    .map(us -> Duration.ofNanos(us * 1000));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void send(String... assignments) {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(assignments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NOTIFY_SOCKET", socket);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            boolean done = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                warnOnce(tool + " " + String.join(" ", assignments) + " failed: " + output);
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("{} works again", tool);
            }
        } catch (IOException e) {
            warnOnce("cannot run " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warnOnce(String message) {
        if (!failing) {
            failing = true;
            LOG.error("{} (systemd will restart the kiosk when its watchdog runs out)", message);
        }
    }
}
