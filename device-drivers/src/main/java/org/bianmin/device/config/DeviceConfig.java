package org.bianmin.device.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.device.transport.PortAddress;

/**
 * One device in the kiosk's JSON config.
 *
 * @param name    the device's id in status and logs ({@code idcard}, {@code scanner}, {@code printer}); unique
 * @param driver  a {@link Driver} config name
 * @param port    where it is: a stable path ({@code /dev/serial/by-id/…}), {@code usb:VVVV:PPPP[:SERIAL]},
 *                {@code tcp:HOST:PORT}, or {@code sim:} for the built-in simulator; empty for wedge scanners
 * @param baud    line speed; null or 0 for the driver's default
 * @param options driver-specific settings, see {@link Driver#options()}
 */
public record DeviceConfig(String name, String driver, String port, Integer baud, Map<String, String> options) {

    public static final String SIMULATED = new PortAddress.Simulated().toString();
    static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
            460800, 921600);

    public DeviceConfig {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** The driver; call only on a config without {@link #problems()}. */
    public Driver resolvedDriver() {
        return Driver.ofConfigName(driver).orElseThrow(() -> new IllegalStateException("unchecked config " + name));
    }

    public int resolvedBaud() {
        return baud == null || baud == 0 ? resolvedDriver().defaultBaud() : baud;
    }

    public boolean simulated() {
        return portAddress().orElse(null) instanceof PortAddress.Simulated;
    }

    /** Where the device is; empty for a device without a port (a wedge scanner) or with a malformed one. */
    public Optional<PortAddress> portAddress() {
        try {
            return port == null || port.isEmpty() ? Optional.empty() : Optional.of(PortAddress.parse(port));
        } catch (PortAddress.InvalidPortException e) {
            return Optional.empty();
        }
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public int intOption(String key, int fallback) {
        return option(key).map(Integer::parseInt).orElse(fallback);
    }

    /** What is wrong with this entry, each problem naming the device and field. */
    public List<String> problems() {
        String at = "devices[" + (name == null || name.isBlank() ? "?" : name) + "].";
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            problems.add(at + "name: 1-32 characters a-z, 0-9 or '-', was " + name);
        }
        Optional<Driver> d = Driver.ofConfigName(driver);
        if (d.isEmpty()) {
            problems.add(at + "driver: one of " + Driver.configNames() + ", was " + driver);
            return problems;
        }
        if (d.get().usesPort()) {
            try {
                PortAddress.parse(port);
            } catch (PortAddress.InvalidPortException e) {
                problems.add(at + "port: " + e.getMessage());
            }
            if (baud != null && baud != 0 && !BAUD_RATES.contains(baud)) {
                problems.add(at + "baud: one of " + BAUD_RATES.stream().sorted().toList() + ", was " + baud);
            }
        } else if (port != null && !port.isEmpty()) {
            problems.add(at + "port: " + driver + " has no port (it reads key events), was " + port);
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            Driver.Option rule = d.get().options().get(option.getKey());
            if (rule == null) {
                problems.add(at + "options." + option.getKey() + ": unknown option for " + driver + " (known: "
                        + String.join(", ", d.get().options().keySet().stream().sorted().toList()) + ")");
            } else if (option.getValue() == null || !rule.valid().test(option.getValue())) {
                problems.add(at + "options." + option.getKey() + ": " + rule.expected() + ", was "
                        + option.getValue());
            }
        }
        return problems;
    }

    /** Problems of a whole device list: each entry's, plus duplicate names. */
    public static List<String> problems(List<DeviceConfig> devices) {
        List<String> problems = new ArrayList<>();
        if (devices == null) {
            return List.of("devices: a list is required (may be empty)");
        }
        Set<String> seen = new HashSet<>();
        for (DeviceConfig device : devices) {
            if (device == null) {
                problems.add("devices: null entry");
                continue;
            }
            problems.addAll(device.problems());
            if (device.name() != null && !seen.add(device.name())) {
                problems.add("devices[" + device.name() + "].name: used twice");
            }
        }
        return problems;
    }

    /** The devices a fresh install and {@code ./kiosk demo} run: simulated ID-card reader, scanner and printer. */
    public static List<DeviceConfig> simulatedDefaults() {
        return List.of(
                new DeviceConfig("idcard", Driver.IDCARD.configName(), SIMULATED, 115200,
                        Map.of("card", "resident.json")),
                new DeviceConfig("scanner", Driver.SCANNER.configName(), SIMULATED, 9600, Map.of("suffix", "CR")),
                new DeviceConfig("printer", Driver.PRINTER.configName(), SIMULATED, 115200,
                        Map.of("paperWidth", "80")));
    }
}
