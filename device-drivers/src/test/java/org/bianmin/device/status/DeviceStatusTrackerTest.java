package org.bianmin.device.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceStatusTrackerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void startsStartingAndReportsChangesToListenersOnce() {
        DeviceStatusTracker tracker = new DeviceStatusTracker("printer", clock);
        List<DeviceState> seen = new ArrayList<>();
        tracker.addListener((previous, current) -> seen.add(current.state()));
        assertThat(tracker.current().state()).isEqualTo(DeviceState.STARTING);

        tracker.state(DeviceState.ONLINE, "/dev/ttyS0");
        tracker.state(DeviceState.ONLINE, "/dev/ttyS0");
        tracker.supply("paper", SupplyLevel.LOW);
        tracker.error(DeviceState.OFFLINE, "DISCONNECTED", "cable pulled");
        tracker.state(DeviceState.ONLINE, "/dev/ttyS0");

        assertThat(seen).containsExactly(DeviceState.ONLINE, DeviceState.ONLINE, DeviceState.OFFLINE,
                DeviceState.ONLINE);
        DeviceStatus now = tracker.current();
        assertThat(now.supplies()).containsEntry("paper", SupplyLevel.LOW);
        assertThat(now.lastError()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("DISCONNECTED");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void historyIsBoundedAndAFailingListenerDoesNotStopOthers() {
        DeviceStatusTracker tracker = new DeviceStatusTracker("idcard", clock, 3);
        List<DeviceState> seen = new ArrayList<>();
        tracker.addListener((previous, current) -> {
            throw new IllegalStateException("boom");
        });
        tracker.addListener((previous, current) -> seen.add(current.state()));
        for (DeviceState state : DeviceState.values()) {
            tracker.state(state, state.name());
        }
        assertThat(tracker.history()).hasSize(3).last().extracting(DeviceStatus::state).isEqualTo(DeviceState.BUSY);
        assertThat(seen).hasSize(DeviceState.values().length);
    }
}
