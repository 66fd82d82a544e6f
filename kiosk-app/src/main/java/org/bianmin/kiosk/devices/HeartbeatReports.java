package org.bianmin.kiosk.devices;

import java.util.List;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.protocol.api.Heartbeat;

/** Translates the device status model into the heartbeat's device reports (the portal's coarser vocabulary). */
public final class HeartbeatReports {

    private HeartbeatReports() {}

    public static List<Heartbeat.DeviceReport> of(List<DeviceStatusTracker> trackers) {
        return trackers.stream().map(t -> report(t.current())).toList();
    }

    static Heartbeat.DeviceReport report(DeviceStatus s) {
        Heartbeat.DeviceState state = switch (s.state()) {
            case ONLINE, BUSY, STARTING -> Heartbeat.DeviceState.OK;
            case USER_ERROR -> Heartbeat.DeviceState.WARNING;
            case HARDWARE_ERROR -> Heartbeat.DeviceState.ERROR;
            case OFFLINE, NO_DEVICE -> Heartbeat.DeviceState.OFFLINE;
        };
        List<Heartbeat.Supply> supplies = s.supplies().entrySet().stream()
                .filter(e -> e.getValue() != org.bianmin.device.status.SupplyLevel.UNKNOWN)
                .map(e -> new Heartbeat.Supply(e.getKey(), switch (e.getValue()) {
                    case FULL, UNKNOWN -> Heartbeat.SupplyLevel.OK;
                    case LOW -> Heartbeat.SupplyLevel.LOW;
                    case OUT -> Heartbeat.SupplyLevel.EMPTY;
                })).toList();
        return new Heartbeat.DeviceReport(s.deviceId(), state, s.detail(), supplies);
    }
}
