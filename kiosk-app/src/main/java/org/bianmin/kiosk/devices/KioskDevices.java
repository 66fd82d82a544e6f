package org.bianmin.kiosk.devices;

import java.util.List;
import java.util.Optional;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.status.DeviceStatusTracker;

/** The devices the citizen journey uses, with the status of each for notices, the console and the heartbeat. */
public record KioskDevices(IdCardReader reader, Optional<EscPosPrinter> printer, List<DeviceStatusTracker> status) {

    public KioskDevices {
        status = List.copyOf(status);
    }
}
