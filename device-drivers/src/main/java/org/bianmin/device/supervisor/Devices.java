package org.bianmin.device.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.scanner.PayloadRules;
import org.bianmin.device.scanner.ScannerSimulator;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.Suffix;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;

/** Builds supervised devices from configuration. */
public final class Devices {

    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    private Devices() {}

    /** A config entry that cannot be started; the message names the device and field. */
    public static final class DeviceSetupException extends Exception {
        public DeviceSetupException(String message) {
            super(message);
        }
    }

    /** Opens and starts supervising a configured device (its config must have no problems). */
    public static ManagedDevice open(DeviceConfig config, Clock clock) throws DeviceSetupException {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new DeviceSetupException(String.join("; ", problems));
        }
        DeviceStatusTracker status = new DeviceStatusTracker(config.name(), clock);
        SerialSettings line = SerialSettings.of8N1(Math.max(config.resolvedBaud(), 300));
        return switch (config.resolvedDriver()) {
            case IDCARD -> idCard(config, status, line);
            case SCANNER -> scanner(config, status, line);
            case SCANNER_WEDGE -> {
                status.state(DeviceState.ONLINE, "keyboard wedge");
                WedgeBurstDetector.Options d = WedgeBurstDetector.Options.defaults();
                yield new ManagedDevice.WedgeScanner(config, status, new WedgeBurstDetector.Options(
                        Duration.ofMillis(config.intOption("maxKeyGapMs", (int) d.maxKeyGap().toMillis())),
                        config.intOption("minLength", d.minLength()), suffix(config, d.suffix()), d.rules()));
            }
        };
    }

    private static ManagedDevice idCard(DeviceConfig config, DeviceStatusTracker status, SerialSettings line)
            throws DeviceSetupException {
        IdCardReader.Options d = IdCardReader.Options.defaults();
        IdCardReader.Options options = new IdCardReader.Options(
                Duration.ofMillis(config.intOption("pollIntervalMs", (int) d.pollInterval().toMillis())),
                d.commandTimeout(), line, config.option("fingerprint").map(Boolean::parseBoolean).orElse(false),
                d.photoDecoder());
        Optional<IdCardSimulator> simulator = Optional.empty();
        Transport transport;
        if (config.simulated()) {
            MemoryLink link = new MemoryLink(config.name());
            IdCardSimulator sim = new IdCardSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link),
                    Optional.empty()), new Random());
            Optional<String> card = config.option("card");
            if (card.isPresent()) {
                sim.placeCard(card(config, card.get()));
            }
            simulator = Optional.of(sim.start());
            transport = link.hostEnd();
        } else {
            transport = transport(config, line);
        }
        IdCardReader reader = new IdCardReader(transport, status, options);
        Probe probe = () -> reader.checkSam().map(f -> switch (f.kind()) {
            case HARDWARE -> Probe.Result.FAULTY;
            case CANCELLED, CARD -> Probe.Result.HEALTHY;
            case PORT, PROTOCOL -> Probe.Result.UNREACHABLE;
        }).orElse(Probe.Result.HEALTHY);
        DeviceSupervisor supervisor = new DeviceSupervisor(transport, status, probe, Backoff.defaults(),
                PROBE_INTERVAL).start();
        return new ManagedDevice.IdCard(config, status, reader, supervisor, simulator);
    }

    private static ManagedDevice scanner(DeviceConfig config, DeviceStatusTracker status, SerialSettings line)
            throws DeviceSetupException {
        SerialScanner.Options d = SerialScanner.Options.defaults();
        PayloadRules r = d.rules();
        Suffix suffix = suffix(config, d.suffix());
        SerialScanner.Options options = new SerialScanner.Options(suffix,
                Duration.ofMillis(config.intOption("idleGapMs", (int) d.idleGap().toMillis())),
                new PayloadRules(config.intOption("maxBytes", r.maxBytes()), r.receiptNumber(), r.eidToken()));
        Optional<ScannerSimulator> simulator = Optional.empty();
        Transport transport;
        if (config.simulated()) {
            MemoryLink link = new MemoryLink(config.name());
            simulator = Optional.of(new ScannerSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link),
                    Optional.empty()), suffix, java.nio.charset.StandardCharsets.UTF_8, new Random()).start());
            transport = link.hostEnd();
        } else {
            transport = transport(config, line);
        }
        // A scanner never speaks first: being able to open its port is all the health there is to check.
        DeviceSupervisor supervisor = new DeviceSupervisor(transport, status,
                () -> transport.isOpen() ? Probe.Result.HEALTHY : Probe.Result.UNREACHABLE, Backoff.defaults(),
                PROBE_INTERVAL).start();
        return new ManagedDevice.Scanner(config, status, new SerialScanner(transport, status, options), supervisor,
                simulator);
    }

    private static Transport transport(DeviceConfig config, SerialSettings line) throws DeviceSetupException {
        try {
            return Transports.forPort(config.port(), line);
        } catch (TransportException e) {
            throw new DeviceSetupException("devices[" + config.name() + "].port: " + e.getMessage());
        }
    }

    private static Suffix suffix(DeviceConfig config, Suffix fallback) {
        return config.option("suffix").map(s -> Suffix.valueOf(s.toUpperCase(Locale.ROOT))).orElse(fallback);
    }

    /** A simulated card: a shipped sample's name, or a JSON file. */
    private static IdentityCard card(DeviceConfig config, String card) throws DeviceSetupException {
        try {
            return CardFiles.sampleOrFile(card);
        } catch (CardFiles.CardFileException e) {
            throw new DeviceSetupException("devices[" + config.name() + "].options.card: " + e.getMessage());
        }
    }
}
