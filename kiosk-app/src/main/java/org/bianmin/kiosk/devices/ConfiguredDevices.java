package org.bianmin.kiosk.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.device.supervisor.ManagedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of the kiosk, opened from {@code config.json} and supervised (reconnect with backoff), and moved to
 * a new configuration when the technician console saves one. A device that cannot be opened is logged and left
 * out: the kiosk still starts and says which function is unavailable. Thread-safe.
 *
 * <p>Edits keep what the citizen journey holds: with the same driver, {@link Devices#reconfigure} keeps the
 * driver object and moves it to the new port underneath, so {@link #forJourney()} taken at start stays valid. Only
 * a scanner may change its driver (serial ↔ keyboard wedge); scanners are read through {@link ScanFeed}, which
 * follows the change.
 */
public final class ConfiguredDevices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDevices.class);

    private final Devices.Workspace workspace;
    private final Map<String, ManagedDevice> opened = new LinkedHashMap<>();
    /** Every device in the config, running or not, in config order. */
    private final Map<String, DeviceConfig> configured = new LinkedHashMap<>();
    /** Devices in the config that could not be started, with the reason (no personal data: a config problem). */
    private final Map<String, String> notStarted = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private ConfiguredDevices(Devices.Workspace workspace) {
        this.workspace = workspace;
    }

    public static ConfiguredDevices open(List<DeviceConfig> configs, Devices.Workspace workspace) {
        ConfiguredDevices devices = new ConfiguredDevices(workspace);
        for (DeviceConfig config : configs) {
            devices.configured.put(config.name(), config);
            try {
                devices.opened.put(config.name(), Devices.open(config, workspace));
            } catch (Devices.DeviceSetupException e) {
                LOG.error("device {} not started: {}", config.name(), e.getMessage());
                devices.notStarted.put(config.name(), e.getMessage());
            }
        }
        return devices;
    }

    /** The running devices, in config order. */
    public synchronized List<ManagedDevice> devices() {
        return List.copyOf(opened.values());
    }

    public synchronized Optional<ManagedDevice> device(String name) {
        return Optional.ofNullable(opened.get(name));
    }

    /** Every device entry as configured now, running or not, in config order. */
    public synchronized List<DeviceConfig> configured() {
        return List.copyOf(configured.values());
    }

    /** Why a configured device is not running, if it is not. */
    public synchronized Optional<String> notStarted(String name) {
        return Optional.ofNullable(notStarted.get(name));
    }

    /** Every running device's status, for notices and the portal heartbeat. */
    public List<DeviceStatusTracker> trackers() {
        return devices().stream().map(ManagedDevice::status).toList();
    }

    /**
     * Moves the device named in {@code next} to that config (opens it if it was not running), then tells the
     * listeners. Blocks briefly (closing a link, starting a simulator): call it off the FX thread.
     */
    public ManagedDevice reconfigure(DeviceConfig next) throws Devices.DeviceSetupException {
        ManagedDevice now;
        synchronized (this) {
            configured.put(next.name(), next);
            ManagedDevice current = opened.get(next.name());
            try {
                now = current == null ? Devices.open(next, workspace)
                        : Devices.reconfigure(current, next, workspace);
            } catch (Devices.DeviceSetupException e) {
                if (current == null) {
                    notStarted.put(next.name(), e.getMessage());
                }
                throw e;
            }
            opened.put(next.name(), now);
            notStarted.remove(next.name());
        }
        LOG.info("device {} now {} on {}", next.name(), next.driver(), next.port());
        listeners.forEach(Runnable::run);
        return now;
    }

    /** Told, on the thread that reconfigured, after a device was moved to a new config. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** What the journey needs; empty when no ID-card reader is configured (applying is then not offered). */
    public Optional<KioskDevices> forJourney() {
        List<ManagedDevice> now = devices();
        Optional<ManagedDevice.Printer> printer = now.stream().filter(d -> d instanceof ManagedDevice.Printer)
                .map(d -> (ManagedDevice.Printer) d).findFirst();
        return now.stream().filter(d -> d instanceof ManagedDevice.IdCard).map(d -> (ManagedDevice.IdCard) d)
                .findFirst().map(reader -> new KioskDevices(reader.reader(),
                        printer.map(ManagedDevice.Printer::printer), trackers()));
    }

    /** Serial (CDC) scanners: the kiosk reads scans from them on threads of its own. */
    public List<ManagedDevice.Scanner> serialScanners() {
        return devices().stream().filter(d -> d instanceof ManagedDevice.Scanner)
                .map(d -> (ManagedDevice.Scanner) d).toList();
    }

    /** The keyboard-wedge scanner, when one is configured. */
    public Optional<ManagedDevice.WedgeScanner> wedge() {
        return devices().stream().filter(d -> d instanceof ManagedDevice.WedgeScanner)
                .map(d -> (ManagedDevice.WedgeScanner) d).findFirst();
    }

    @Override
    public void close() {
        List<ManagedDevice> all;
        synchronized (this) {
            all = new ArrayList<>(opened.values());
            opened.clear();
        }
        all.forEach(ManagedDevice::close);
    }
}
