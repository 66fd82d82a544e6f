package org.bianmin.device.supervisor;

import java.util.Optional;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.scanner.ScannerSimulator;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.bianmin.device.status.DeviceStatusTracker;

/** A configured device as the kiosk uses it: its API object, status and, for {@code sim:} ports, the simulator. */
public interface ManagedDevice extends AutoCloseable {

    DeviceConfig config();

    DeviceStatusTracker status();

    /** Stops supervision, closes the link and any simulator. */
    @Override
    void close();

    record IdCard(DeviceConfig config, DeviceStatusTracker status, IdCardReader reader, DeviceSupervisor supervisor,
                  Optional<IdCardSimulator> simulator) implements ManagedDevice {
        @Override
        public void close() {
            reader.cancel();
            supervisor.close();
            simulator.ifPresent(IdCardSimulator::close);
        }
    }

    record Scanner(DeviceConfig config, DeviceStatusTracker status, SerialScanner scanner,
                   DeviceSupervisor supervisor, Optional<ScannerSimulator> simulator) implements ManagedDevice {
        @Override
        public void close() {
            scanner.cancel();
            supervisor.close();
            simulator.ifPresent(ScannerSimulator::close);
        }
    }

    /** A keyboard-wedge scanner: the kiosk-app feeds key events to a detector made with these options. */
    record WedgeScanner(DeviceConfig config, DeviceStatusTracker status, WedgeBurstDetector.Options options)
            implements ManagedDevice {
        @Override
        public void close() {
            // nothing open: the kiosk-app owns the key event filter
        }
    }
}
