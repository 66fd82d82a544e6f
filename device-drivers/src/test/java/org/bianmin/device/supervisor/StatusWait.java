package org.bianmin.device.supervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.StatusListener;

/** Waits for a status state through the listener API (no sleeping, no polling). */
final class StatusWait {

    private StatusWait() {}

    static boolean reaches(DeviceStatusTracker status, DeviceState state, Duration timeout) throws Exception {
        return matches(status, s -> s.state() == state, timeout);
    }

    static boolean matches(DeviceStatusTracker status, Predicate<DeviceStatus> wanted, Duration timeout)
            throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        StatusListener listener = (previous, current) -> {
            if (wanted.test(current)) {
                reached.complete(null);
            }
        };
        status.addListener(listener);
        try {
            if (wanted.test(status.current())) {
                return true;
            }
            reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } finally {
            status.removeListener(listener);
        }
    }
}
