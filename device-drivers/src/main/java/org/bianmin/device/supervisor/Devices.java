package org.bianmin.device.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.config.Driver;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.StatusReplyException;
import org.bianmin.device.printer.virtual.VirtualPrinter;
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
import org.bianmin.device.transport.SwitchableTransport;
import org.bianmin.device.transport.TrafficTap;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;

/**
 * Builds supervised devices from configuration, and moves them to a new configuration while the kiosk runs.
 * Every port device is built as driver → {@link TrafficTap} → {@link SwitchableTransport} → link, so that
 * {@link #reconfigure} can give a device a new port under the same driver object.
 */
public final class Devices {

    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    private Devices() {}

    /** A config entry that cannot be started; the message names the device and field. */
    public static final class DeviceSetupException extends Exception {
        public DeviceSetupException(String message) {
            super(message);
        }
    }

    /**
     * What devices need from the kiosk: a clock, and a directory for what must survive a restart (a printer's
     * job journal) and for what simulators produce (the virtual printer's PNG rolls); without one, journals are
     * kept in memory and simulated rolls are not drawn.
     */
    public record Workspace(Clock clock, Optional<Path> directory) {
        public Workspace {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(directory, "directory");
        }

        public static Workspace inMemory(Clock clock) {
            return new Workspace(clock, Optional.empty());
        }
    }

    /** Opens and starts supervising a configured device, journals in memory (for short-lived tools). */
    public static ManagedDevice open(DeviceConfig config, Clock clock) throws DeviceSetupException {
        return open(config, Workspace.inMemory(clock));
    }

    /** Opens and starts supervising a configured device (its config must have no problems). */
    public static ManagedDevice open(DeviceConfig config, Workspace workspace) throws DeviceSetupException {
        check(config);
        return start(config, workspace, new DeviceStatusTracker(config.name(), workspace.clock()));
    }

    /**
     * Moves a running device to {@code next}, its config after a technician's edit. With the same driver the
     * device keeps its driver object (which the citizen journey holds), status and supervisor: the driver takes
     * the new options, and when the port, baud or simulator changed the supervisor switches to a new link and
     * reconnects. A new driver (a serial scanner becoming a keyboard-wedge one) replaces the device, keeping its
     * status history. The old record must not be used afterwards.
     */
    public static ManagedDevice reconfigure(ManagedDevice current, DeviceConfig next, Workspace workspace)
            throws DeviceSetupException {
        check(next);
        if (!current.config().name().equals(next.name())) {
            throw new DeviceSetupException("devices[" + current.config().name() + "].name: cannot change to "
                    + next.name());
        }
        Driver driver = next.resolvedDriver();
        if (driver != current.config().resolvedDriver()) {
            if (driver.kind() != current.config().resolvedDriver().kind()) {
                throw new DeviceSetupException("devices[" + next.name() + "].driver: " + next.driver()
                        + " is not a " + current.config().resolvedDriver().kind() + " driver");
            }
            current.close();
            current.status().state(DeviceState.STARTING, "driver changed to " + next.driver());
            return start(next, workspace, current.status());
        }
        boolean relink = !Objects.equals(current.config().port(), next.port())
                || current.config().resolvedBaud() != next.resolvedBaud() || next.simulated();
        return switch (current) {
            case ManagedDevice.IdCard d -> {
                d.reader().reconfigure(readerOptions(next));
                Optional<IdCardSimulator> sim = relink ? relink(d, link(next, idCardSimulator(next)))
                        : d.simulator();
                yield new ManagedDevice.IdCard(next, d.status(), d.reader(), d.supervisor(), d.traffic(), sim);
            }
            case ManagedDevice.Scanner d -> {
                d.scanner().reconfigure(scannerOptions(next));
                Optional<ScannerSimulator> sim = relink ? relink(d, link(next, scannerSimulator(next)))
                        : d.simulator();
                yield new ManagedDevice.Scanner(next, d.status(), d.scanner(), d.supervisor(), d.traffic(), sim);
            }
            case ManagedDevice.Printer d -> {
                d.printer().reconfigure(profile(next));
                Optional<VirtualPrinter> sim = relink ? relink(d, link(next, virtualPrinter(next, workspace)))
                        : d.simulator();
                yield new ManagedDevice.Printer(next, d.status(), d.printer(), d.journal(), d.supervisor(),
                        d.traffic(), sim);
            }
            case ManagedDevice.WedgeScanner d -> new ManagedDevice.WedgeScanner(next, d.status(), wedgeOptions(next));
        };
    }

    private static void check(DeviceConfig config) throws DeviceSetupException {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new DeviceSetupException(String.join("; ", problems));
        }
    }

    private static ManagedDevice start(DeviceConfig config, Workspace workspace, DeviceStatusTracker status)
            throws DeviceSetupException {
        return switch (config.resolvedDriver()) {
            case IDCARD -> idCard(config, status);
            case SCANNER -> scanner(config, status);
            case PRINTER -> printer(config, workspace, status);
            case SCANNER_WEDGE -> {
                status.state(DeviceState.ONLINE, "keyboard wedge");
                yield new ManagedDevice.WedgeScanner(config, status, wedgeOptions(config));
            }
        };
    }

    /** The link of a port device: a simulator on an in-memory cable for {@code sim:}, else the configured port. */
    private record Link<S>(Transport transport, Optional<S> simulator) {}

    private static <S> Link<S> link(DeviceConfig config, Function<MemoryLink, S> simulator)
            throws DeviceSetupException {
        if (config.simulated()) {
            MemoryLink cable = new MemoryLink(config.name());
            return new Link<>(cable.hostEnd(), Optional.of(simulator.apply(cable)));
        }
        try {
            return new Link<>(Transports.forPort(config.port(), line(config)), Optional.empty());
        } catch (TransportException e) {
            throw new DeviceSetupException("devices[" + config.name() + "].port: " + e.getMessage());
        }
    }

    /** Hands the device's supervisor the new link and retires the old simulator; returns the new one. */
    private static <S> Optional<S> relink(ManagedDevice.Linked device, Link<S> link) {
        device.supervisor().switchTo(link.transport());
        device.closeSimulator();
        return link.simulator();
    }

    private static DeviceSupervisor supervise(DeviceStatusTracker status, Transport link, Probe probe) {
        return new DeviceSupervisor(link, status, probe, Backoff.defaults(), PROBE_INTERVAL).start();
    }

    private static SerialSettings line(DeviceConfig config) {
        return SerialSettings.of8N1(Math.max(config.resolvedBaud(), 300));
    }

    private static ManagedDevice idCard(DeviceConfig config, DeviceStatusTracker status)
            throws DeviceSetupException {
        Link<IdCardSimulator> link = link(config, idCardSimulator(config));
        SwitchableTransport switchable = new SwitchableTransport(link.transport());
        TrafficTap tap = new TrafficTap(switchable);
        IdCardReader reader = new IdCardReader(tap, status, readerOptions(config));
        Probe probe = () -> reader.checkSam().map(f -> switch (f.kind()) {
            case HARDWARE -> Probe.Result.FAULTY;
            case CANCELLED, CARD, CARD_REMOVED -> Probe.Result.HEALTHY;
            case PORT, PROTOCOL -> Probe.Result.UNREACHABLE;
        }).orElse(Probe.Result.HEALTHY);
        return new ManagedDevice.IdCard(config, status, reader, supervise(status, switchable, probe), tap,
                link.simulator());
    }

    private static IdCardReader.Options readerOptions(DeviceConfig config) {
        IdCardReader.Options d = IdCardReader.Options.defaults();
        return new IdCardReader.Options(
                Duration.ofMillis(config.intOption("pollIntervalMs", (int) d.pollInterval().toMillis())),
                d.commandTimeout(), line(config), config.option("fingerprint").map(Boolean::parseBoolean)
                .orElse(false), d.photoDecoder());
    }

    private static Function<MemoryLink, IdCardSimulator> idCardSimulator(DeviceConfig config)
            throws DeviceSetupException {
        Optional<IdentityCard> card = config.simulated() && config.option("card").isPresent()
                ? Optional.of(card(config, config.option("card").get())) : Optional.empty();
        return cable -> {
            IdCardSimulator sim = new IdCardSimulator(new SimulatedPort(cable.deviceEnd(), Optional.of(cable),
                    Optional.empty()), new Random());
            card.ifPresent(sim::placeCard);
            return sim.start();
        };
    }

    private static ManagedDevice scanner(DeviceConfig config, DeviceStatusTracker status)
            throws DeviceSetupException {
        Link<ScannerSimulator> link = link(config, scannerSimulator(config));
        SwitchableTransport switchable = new SwitchableTransport(link.transport());
        TrafficTap tap = new TrafficTap(switchable);
        // A scanner never speaks first: being able to open its port is all the health there is to check.
        DeviceSupervisor supervisor = supervise(status, switchable,
                () -> switchable.isOpen() ? Probe.Result.HEALTHY : Probe.Result.UNREACHABLE);
        return new ManagedDevice.Scanner(config, status, new SerialScanner(tap, status, scannerOptions(config)),
                supervisor, tap, link.simulator());
    }

    private static SerialScanner.Options scannerOptions(DeviceConfig config) {
        SerialScanner.Options d = SerialScanner.Options.defaults();
        PayloadRules r = d.rules();
        return new SerialScanner.Options(suffix(config, d.suffix()),
                Duration.ofMillis(config.intOption("idleGapMs", (int) d.idleGap().toMillis())),
                new PayloadRules(config.intOption("maxBytes", r.maxBytes()), r.receiptNumber(), r.eidToken()));
    }

    private static Function<MemoryLink, ScannerSimulator> scannerSimulator(DeviceConfig config) {
        Suffix suffix = suffix(config, SerialScanner.Options.defaults().suffix());
        return cable -> new ScannerSimulator(new SimulatedPort(cable.deviceEnd(), Optional.of(cable),
                Optional.empty()), suffix, StandardCharsets.UTF_8, new Random()).start();
    }

    private static WedgeBurstDetector.Options wedgeOptions(DeviceConfig config) {
        WedgeBurstDetector.Options d = WedgeBurstDetector.Options.defaults();
        return new WedgeBurstDetector.Options(
                Duration.ofMillis(config.intOption("maxKeyGapMs", (int) d.maxKeyGap().toMillis())),
                config.intOption("minLength", d.minLength()), suffix(config, d.suffix()), d.rules());
    }

    private static ManagedDevice printer(DeviceConfig config, Workspace workspace, DeviceStatusTracker status)
            throws DeviceSetupException {
        PrintJournal journal;
        try {
            journal = workspace.directory().isEmpty() ? PrintJournal.inMemory(workspace.clock())
                    : PrintJournal.open(workspace.directory().get().resolve("print-journal-" + config.name()
                    + ".log"), workspace.clock());
        } catch (IOException e) {
            throw new DeviceSetupException("devices[" + config.name() + "]: print journal: " + e.getMessage());
        }
        Link<VirtualPrinter> link = link(config, virtualPrinter(config, workspace));
        SwitchableTransport switchable = new SwitchableTransport(link.transport());
        TrafficTap tap = new TrafficTap(switchable);
        EscPosPrinter printer = new EscPosPrinter(tap, profile(config), journal, status);
        Probe probe = () -> {
            try {
                return printer.statusIfIdle().map(s -> s.refusal().isPresent() ? Probe.Result.FAULTY
                        : Probe.Result.HEALTHY).orElse(Probe.Result.HEALTHY);
            } catch (StatusReplyException e) {
                // Bytes that are no status reply (a wrong baud rate) are a fault to show, not a reason to reconnect.
                return e.kind() == StatusReplyException.Kind.INVALID_REPLY ? Probe.Result.FAULTY
                        : Probe.Result.UNREACHABLE;
            }
        };
        return new ManagedDevice.Printer(config, status, printer, journal, supervise(status, switchable, probe), tap,
                link.simulator());
    }

    private static PrinterProfile profile(DeviceConfig config) {
        return PrinterProfile.standard(PaperWidth.ofMillimetres(config.intOption("paperWidth", 80)))
                .withChineseMode(config.option("chineseMode").map(m -> ChineseMode.valueOf(m.toUpperCase(Locale.ROOT)))
                        .orElse(ChineseMode.FS_AMPERSAND))
                .withNativeQr(config.option("nativeQr").map(Boolean::parseBoolean).orElse(true));
    }

    private static Function<MemoryLink, VirtualPrinter> virtualPrinter(DeviceConfig config, Workspace workspace) {
        PrinterProfile profile = profile(config);
        VirtualPrinter.Config base = VirtualPrinter.Config.of(profile.paper()).withChineseMode(profile.chineseMode());
        VirtualPrinter.Config sim = workspace.directory().map(d -> base.withPngDir(d.resolve("virtual-printer")))
                .orElse(base);
        return cable -> {
            VirtualPrinter printer = new VirtualPrinter(cable.deviceEnd(), sim);
            printer.start();
            return printer;
        };
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
