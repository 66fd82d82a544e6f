package org.bianmin.kiosk.devices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.device.supervisor.ManagedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of a real kiosk, opened from {@code config.json} and supervised (reconnect with backoff). A device
 * that cannot be opened is logged and left out: the kiosk still starts and says which function is unavailable.
 */
public final class ConfiguredDevices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDevices.class);

    private final List<ManagedDevice> opened;

    private ConfiguredDevices(List<ManagedDevice> opened) {
        this.opened = List.copyOf(opened);
    }

    public static ConfiguredDevices open(List<DeviceConfig> configs, Clock clock) {
        List<ManagedDevice> opened = new ArrayList<>();
        for (DeviceConfig config : configs) {
            try {
                opened.add(Devices.open(config, clock));
            } catch (Devices.DeviceSetupException e) {
                LOG.error("device {} not started: {}", config.name(), e.getMessage());
            }
        }
        return new ConfiguredDevices(opened);
    }

    /** What the journey needs; empty when no ID-card reader is configured (applying is then not offered). */
    public Optional<KioskDevices> forJourney() {
        List<DeviceStatusTracker> status = opened.stream().map(ManagedDevice::status).toList();
        return opened.stream().filter(d -> d instanceof ManagedDevice.IdCard).map(d -> (ManagedDevice.IdCard) d)
                .findFirst().map(reader -> new KioskDevices(reader.reader(), Optional.empty(), status));
    }

    /** Serial (CDC) scanners: the kiosk reads scans from them on a thread of its own. */
    public List<SerialScanner> serialScanners() {
        return opened.stream().filter(d -> d instanceof ManagedDevice.Scanner).map(d -> ((ManagedDevice.Scanner) d)
                .scanner()).toList();
    }

    /** A keyboard-wedge scanner's burst detector settings, when one is configured. */
    public Optional<WedgeBurstDetector.Options> wedge() {
        return opened.stream().filter(d -> d instanceof ManagedDevice.WedgeScanner)
                .map(d -> ((ManagedDevice.WedgeScanner) d).options()).findFirst();
    }

    @Override
    public void close() {
        opened.forEach(ManagedDevice::close);
    }
}
