package org.bianmin.device.supervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.StatusListener;

/** Waits for a status state through the listener API (no sleeping, no polling). */
final class StatusWait {

    private StatusWait() {}

    static boolean reaches(DeviceStatusTracker status, DeviceState state, Duration timeout) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        StatusListener listener = (previous, current) -> {
            if (current.state() == state) {
                reached.complete(null);
            }
        };
        status.addListener(listener);
        try {
            if (status.current().state() == state) {
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
