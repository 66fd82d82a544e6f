package org.bianmin.kiosk.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.device.supervisor.ManagedDevice;
import org.bianmin.device.transport.SerialPorts;
import org.bianmin.device.transport.TransportException;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devices list}: serial ports the OS sees and the configured devices with their status. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "Devices: ports and status.",
        subcommands = DevicesCommand.ListCommand.class)
final class DevicesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the serial ports the OS sees (with their stable usb: names) and the devices",
                "configured in config.json, each opened briefly to show its status. Stop the kiosk first:",
                "a port the kiosk holds shows as BUSY."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed", "3:invalid config"})
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--wait", defaultValue = "3", paramLabel = "S",
                description = "Seconds to let each device come online (default ${DEFAULT-VALUE}).")
        double waitSeconds;

        @Override
        public Integer call() throws Exception {
            System.out.println("Serial ports:");
            try {
                List<SerialPorts.PortInfo> ports = SerialPorts.list();
                if (ports.isEmpty()) {
                    System.out.println("  (none; pseudo-terminals show only when linked directly under /dev)");
                }
                for (SerialPorts.PortInfo p : ports) {
                    System.out.printf("  %-24s %-28s %s%n", p.path(), p.usbName().orElse("-"), p.description());
                }
            } catch (TransportException e) {
                System.out.println("  cannot list: " + e.getMessage());
            }
            KioskConfig config;
            try {
                config = new ConfigStore(dataDir.resolve().ensureExists().config()).loadOrCreate();
            } catch (ConfigStore.ConfigException e) {
                System.err.println(e.getMessage());
                return 3;
            }
            System.out.println("Configured devices:");
            List<ManagedDevice> opened = new ArrayList<>();
            try {
                for (DeviceConfig device : config.devices()) {
                    opened.add(Devices.open(device, Clock.systemUTC()));
                }
                awaitSettled(opened, Duration.ofMillis((long) (waitSeconds * 1000)));
                for (ManagedDevice device : opened) {
                    DeviceStatus s = device.status().current();
                    System.out.printf("  %-10s %-14s %-40s %-14s %s%n", device.config().name(),
                            device.config().driver(), device.config().port(), s.state(),
                            s.lastError().map(e -> e.code() + ": " + e.message()).orElse(""));
                }
            } finally {
                opened.forEach(ManagedDevice::close);
            }
            return 0;
        }

        private static void awaitSettled(List<ManagedDevice> devices, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            for (ManagedDevice device : devices) {
                while (device.status().current().state() == DeviceState.STARTING && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
        }
    }
}
