package org.bianmin.device.supervisor;

import java.io.IOException;
import java.util.Optional;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.scanner.ScannerSimulator;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.TrafficTap;
import org.slf4j.LoggerFactory;

/**
 * A configured device as the kiosk uses it: its API object, status and, for {@code sim:} ports, the simulator.
 * {@link Devices#reconfigure} keeps the API object, status and supervisor of a device whose driver stays the same
 * and returns a new record around them.
 */
public sealed interface ManagedDevice extends AutoCloseable permits ManagedDevice.Linked, ManagedDevice.WedgeScanner {

    DeviceConfig config();

    DeviceStatusTracker status();

    /** Stops supervision, closes the link and any simulator. */
    @Override
    void close();

    /** A device on a port: supervised, with a tap on its traffic for the technician console. */
    sealed interface Linked extends ManagedDevice permits IdCard, Scanner, Printer {
        DeviceSupervisor supervisor();

        TrafficTap traffic();

        /** Closes the simulator on the far end of a {@code sim:} port (the device is moving away from it). */
        void closeSimulator();
    }

    record IdCard(DeviceConfig config, DeviceStatusTracker status, IdCardReader reader, DeviceSupervisor supervisor,
                  TrafficTap traffic, Optional<IdCardSimulator> simulator) implements Linked {
        @Override
        public void close() {
            reader.cancel();
            supervisor.close();
            closeSimulator();
        }

        @Override
        public void closeSimulator() {
            simulator.ifPresent(IdCardSimulator::close);
        }
    }

    record Scanner(DeviceConfig config, DeviceStatusTracker status, SerialScanner scanner,
                   DeviceSupervisor supervisor, TrafficTap traffic, Optional<ScannerSimulator> simulator)
            implements Linked {
        @Override
        public void close() {
            scanner.cancel();
            supervisor.close();
            closeSimulator();
        }

        @Override
        public void closeSimulator() {
            simulator.ifPresent(ScannerSimulator::close);
        }
    }

    /** A receipt printer; {@code simulator} is the virtual printer behind a {@code sim:} port. */
    record Printer(DeviceConfig config, DeviceStatusTracker status, EscPosPrinter printer, PrintJournal journal,
                   DeviceSupervisor supervisor, TrafficTap traffic, Optional<VirtualPrinter> simulator)
            implements Linked {
        @Override
        public void close() {
            supervisor.close();
            closeSimulator();
            try {
                journal.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(Printer.class).warn("print journal of {} not closed cleanly",
                        config.name(), e);
            }
        }

        @Override
        public void closeSimulator() {
            simulator.ifPresent(VirtualPrinter::close);
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
