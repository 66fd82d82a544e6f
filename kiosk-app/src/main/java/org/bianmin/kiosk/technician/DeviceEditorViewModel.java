package org.bianmin.kiosk.technician;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.config.Driver;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.ui.Background;

/**
 * Edits one device's entry in config.json: driver (within the device's kind: the journey holds the device),
 * port, baud and the driver's options. Save checks the entry as the config loader does, writes config.json
 * atomically and moves the running device to the new config — the supervisor reconnects, no restart.
 */
public final class DeviceEditorViewModel {

    private final DeviceConfig original;
    private final ConfigStore store;
    private final ConfiguredDevices devices;
    private final AdminSession session;
    private final Executor background;
    private final Executor ui;
    private final StringProperty driver = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty baud = new SimpleStringProperty();
    /** Every option any driver of this kind takes; only the chosen driver's are saved. */
    private final Map<String, StringProperty> options = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<List<Prompt>> messages = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public DeviceEditorViewModel(DeviceConfig original, ConfigStore store, ConfiguredDevices devices,
                                 AdminSession session, Executor background, Executor ui) {
        this.original = original;
        this.store = store;
        this.devices = devices;
        this.session = session;
        this.background = background;
        this.ui = ui;
        driver.set(original.driver());
        port.set(original.port() == null ? "" : original.port());
        baud.set(original.baud() == null || original.baud() == 0 ? "" : String.valueOf(original.baud()));
        for (Driver d : drivers()) {
            new TreeSet<>(d.options().keySet()).forEach(key -> options.computeIfAbsent(key,
                    k -> new SimpleStringProperty(original.options().getOrDefault(k, ""))));
        }
    }

    public String name() {
        return original.name();
    }

    /** The drivers this device may switch to: those of its kind. */
    public List<Driver> drivers() {
        Driver.Kind kind = original.resolvedDriver().kind();
        return Arrays.stream(Driver.values()).filter(d -> d.kind() == kind).toList();
    }

    public StringProperty driverProperty() {
        return driver;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty baudProperty() {
        return baud;
    }

    /** Whether the chosen driver talks over a port (a keyboard-wedge scanner has none). */
    public boolean usesPort() {
        return Driver.ofConfigName(driver.get()).map(Driver::usesPort).orElse(true);
    }

    /** The chosen driver's options, each with its value ("" for the driver's default). */
    public Map<String, StringProperty> options() {
        Driver chosen = Driver.ofConfigName(driver.get()).orElse(original.resolvedDriver());
        Map<String, StringProperty> shown = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (chosen.options().containsKey(key)) {
                shown.put(key, value);
            }
        });
        return shown;
    }

    /** Problems found on save (each naming the field), or what saving did. */
    public ReadOnlyObjectProperty<List<Prompt>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The entry as edited, or the problems that keep it from being one. */
    DeviceConfig edited(List<String> problems) {
        Integer speed = null;
        if (usesPort() && !baud.get().isBlank()) {
            try {
                speed = Integer.parseInt(baud.get().strip());
            } catch (NumberFormatException e) {
                problems.add("devices[" + name() + "].baud: a number, was " + baud.get());
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        options().forEach((key, value) -> {
            if (!value.get().isBlank()) {
                chosen.put(key, value.get().strip());
            }
        });
        DeviceConfig next = new DeviceConfig(name(), driver.get(), usesPort() ? port.get().strip() : "", speed,
                chosen);
        problems.addAll(next.problems());
        return next;
    }

    /** Checks, saves atomically and reconnects; nothing is written when a field is wrong. */
    public void save() {
        List<String> problems = new ArrayList<>();
        DeviceConfig next = edited(problems);
        if (!problems.isEmpty()) {
            messages.set(problems.stream().map(p -> Prompt.of("technician.edit.problem", p)).toList());
            return;
        }
        busy.set(true);
        Background.run(background, ui, () -> write(next), result -> {
            busy.set(false);
            messages.set(List.of(result));
        }, e -> {
            busy.set(false);
            messages.set(List.of(Prompt.failed(e)));
        });
    }

    private Prompt write(DeviceConfig next) {
        String what = next.name() + ": " + next.driver() + (next.port().isEmpty() ? "" : " on " + next.port());
        try {
            KioskConfig saved = store.loadOrCreate();
            List<DeviceConfig> list = new ArrayList<>(saved.devices());
            list.replaceAll(d -> d.name().equals(next.name()) ? next : d);
            if (list.stream().noneMatch(d -> d.name().equals(next.name()))) {
                list.add(next);
            }
            store.save(saved.withDevices(list));
        } catch (ConfigStore.ConfigException e) {
            session.audit("technician.device.save", Outcome.FAILURE, what + " (config not written)");
            return Prompt.of("technician.edit.notSaved", e.getMessage());
        }
        try {
            devices.reconfigure(next);
        } catch (Devices.DeviceSetupException e) {
            session.audit("technician.device.save", Outcome.FAILURE, what + " (saved, not started)");
            return Prompt.of("technician.edit.savedNotStarted", e.getMessage());
        }
        session.audit("technician.device.save", Outcome.SUCCESS, what);
        return Prompt.of("technician.edit.saved", next.name());
    }
}
