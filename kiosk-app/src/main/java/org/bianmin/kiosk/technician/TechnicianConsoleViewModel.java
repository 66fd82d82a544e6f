package org.bianmin.kiosk.technician;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.StatusReplyException;
import org.bianmin.device.printer.TestPage;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.StatusListener;
import org.bianmin.device.supervisor.ManagedDevice;
import org.bianmin.device.transport.TransportException;
import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.devices.ScanTarget;
import org.bianmin.kiosk.selfcheck.CheckResult;
import org.bianmin.kiosk.ui.Background;

/**
 * The technician's console behind the hidden entry: every configured device with its live status and recent
 * history, editing a device's config (the supervisor reconnects, no restart), a self-test per device, the serial
 * ports on the machine, the masked live traffic, and a diagnostics bundle for a USB stick.
 */
public final class TechnicianConsoleViewModel implements AdminScreen, ScanTarget {

    public enum Section { DEVICES, PORTS, TRAFFIC, DIAGNOSTICS }

    /** How long the reader self-test waits for a card to be placed. */
    static final Duration CARD_WAIT = Duration.ofSeconds(10);
    /** Status entries shown per device. */
    static final int HISTORY_SHOWN = 3;

    /**
     * What the console works on. {@code devicesWork} runs device I/O (self-tests), {@code background} file work;
     * {@code versions} are what the diagnostics bundle reports (app, JDK, JavaFX, OS).
     */
    public record Services(String kioskId, ConfiguredDevices devices, ConfigStore config, Path configFile, Path logs,
                           Supplier<List<CheckResult>> selfCheck, Map<String, String> versions, List<Path> mediaRoots,
                           Path serialById, Clock clock, Executor devicesWork, Executor background, Executor ui) {}

    /** One configured device as the list shows it; {@code notStarted} says why a device is not running. */
    public record DeviceRow(String name, String driver, String port, Optional<DeviceStatus> status,
                            List<DeviceStatus> history, Optional<String> notStarted) {}

    private final AdminSession session;
    private final Services s;
    private final TrafficLog traffic;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.DEVICES);
    private final ReadOnlyObjectWrapper<List<DeviceRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<DeviceEditorViewModel> editor = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, Prompt> testResults = FXCollections.observableHashMap();
    /** One wrapper for every caller: it holds its listeners only as long as it lives itself. */
    private final ObservableMap<String, Prompt> testResultsView = FXCollections.unmodifiableObservableMap(testResults);
    private final ReadOnlyObjectWrapper<String> scanCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<SerialPortList.Port>> ports = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<TrafficLog.Line>> trafficLines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Path>> media = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Prompt> message = new ReadOnlyObjectWrapper<>();
    private final StatusListener statusChanged;
    private final Runnable devicesMoved;
    private final List<DeviceStatusTracker> listening = new ArrayList<>();

    public TechnicianConsoleViewModel(AdminSession session, Services services) {
        this.session = session;
        this.s = services;
        this.traffic = new TrafficLog(services.clock());
        this.statusChanged = (before, now) -> s.ui().execute(this::refreshRows);
        this.devicesMoved = () -> s.ui().execute(this::follow);
    }

    @Override
    public String titleKey() {
        return "technician.title";
    }

    public AdminSession session() {
        return session;
    }

    @Override
    public void enter() {
        s.devices().addListener(devicesMoved);
        follow();
        show(section.get());
    }

    @Override
    public void leave() {
        s.devices().removeListener(devicesMoved);
        listening.forEach(t -> t.removeListener(statusChanged));
        listening.clear();
        traffic.close();
        scanCode.set(null);
    }

    /** Listens to every running device's status and traffic (again after a device moved to a new config). */
    private void follow() {
        listening.forEach(t -> t.removeListener(statusChanged));
        listening.clear();
        traffic.close();
        for (ManagedDevice d : s.devices().devices()) {
            d.status().addListener(statusChanged);
            listening.add(d.status());
            if (d instanceof ManagedDevice.Linked linked) {
                traffic.watch(linked);
            }
        }
        refreshRows();
    }

    private void refreshRows() {
        List<DeviceRow> list = new ArrayList<>();
        s.devices().configured().forEach(config -> {
            Optional<ManagedDevice> running = s.devices().device(config.name());
            List<DeviceStatus> history = running.map(d -> d.status().history()).orElse(List.of());
            list.add(new DeviceRow(config.name(), config.driver(), config.port() == null ? "" : config.port(),
                    running.map(d -> d.status().current()),
                    history.subList(Math.max(0, history.size() - HISTORY_SHOWN), history.size()).reversed(),
                    s.devices().notStarted(config.name())));
        });
        rows.set(List.copyOf(list));
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DeviceRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The device being edited, else null. */
    public ReadOnlyObjectProperty<DeviceEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    /** The last self-test result per device name. Changed on the FX thread only. */
    public ObservableMap<String, Prompt> testResults() {
        return testResultsView;
    }

    /** The code the scanner self-test asks to be scanned (shown as a QR code), else null. */
    public ReadOnlyObjectProperty<String> scanCodeProperty() {
        return scanCode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<SerialPortList.Port>> portsProperty() {
        return ports.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TrafficLog.Line>> trafficProperty() {
        return trafficLines.getReadOnlyProperty();
    }

    /** Removable media the diagnostics bundle can be written to. */
    public ReadOnlyObjectProperty<List<Path>> mediaProperty() {
        return media.getReadOnlyProperty();
    }

    /** The start-up self-check of this run. */
    public List<CheckResult> selfCheck() {
        return s.selfCheck().get();
    }

    public ReadOnlyObjectProperty<Prompt> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void show(Section next) {
        editor.set(null);
        section.set(next);
        switch (next) {
            case DEVICES -> refreshRows();
            case PORTS -> findPorts();
            case TRAFFIC -> refreshTraffic();
            case DIAGNOSTICS -> findMedia();
        }
    }

    public void edit(String device) {
        s.devices().configured().stream().filter(c -> c.name().equals(device)).findFirst().ifPresent(config -> {
            editor.set(new DeviceEditorViewModel(config, s.config(), s.devices(), session, s.devicesWork(), s.ui()));
            section.set(Section.DEVICES);
            findPorts();
        });
    }

    public void closeEditor() {
        editor.set(null);
        refreshRows();
    }

    /** In the editor, a tap on a found port takes its stable name. */
    public void usePort(SerialPortList.Port port) {
        if (editor.get() != null) {
            editor.get().portProperty().set(port.stableName());
            section.set(Section.DEVICES);
        }
    }

    /** Ports are listed from the ports section, and while editing a device (to pick one). */
    public void findPorts() {
        Background.run(s.background(), s.ui(), () -> SerialPortList.find(s.serialById()), ports::set, e -> {
            ports.set(List.of());
            message.set(e instanceof TransportException t ? Prompt.of("technician.ports.failed", t.getMessage())
                    : Prompt.failed(e));
        });
    }

    public void refreshTraffic() {
        trafficLines.set(traffic.lines().reversed());
    }

    /** Runs the device's self-test; the result appears in {@link #testResults()} under its name. */
    public void selfTest(String device) {
        Optional<ManagedDevice> found = s.devices().device(device);
        if (found.isEmpty()) {
            return;
        }
        testResults.put(device, Prompt.of("technician.test.running"));
        switch (found.get()) {
            case ManagedDevice.IdCard reader -> test(device, () -> readerTest(reader));
            case ManagedDevice.Printer printer -> test(device, () -> printerTest(printer));
            case ManagedDevice.Scanner scanner -> askForScan(device);
            case ManagedDevice.WedgeScanner wedge -> askForScan(device);
        }
    }

    private void test(String device, Supplier<Prompt> run) {
        Background.run(s.devicesWork(), s.ui(), run::get, result -> {
            testResults.put(device, result);
            session.audit("technician.device.test", Outcome.SUCCESS, device);
        }, e -> {
            testResults.put(device, Prompt.failed(e));
            session.audit("technician.device.test", Outcome.FAILURE, device + ": " + e);
        });
    }

    /** SAM status, then one read; the card is described by type and masked number only, then wiped. */
    private Prompt readerTest(ManagedDevice.IdCard d) {
        Prompt sam = d.reader().checkSam().map(f -> Prompt.of("technician.test.samFailed", f.kind(), f.code(),
                f.message())).orElse(Prompt.of("technician.test.samOk"));
        Prompt read = switch (d.reader().read(CARD_WAIT)) {
            case ReadResult.CardRead r -> {
                Prompt p = Prompt.of("technician.test.cardRead", r.card().cardType(),
                        IdNumbers.mask(r.card().idNumber()));
                r.card().clear();
                yield p;
            }
            case ReadResult.NoCard n -> Prompt.of("technician.test.noCard", CARD_WAIT.toSeconds());
            case ReadResult.Failed f -> Prompt.of("technician.test.readFailed", f.kind(), f.code(), f.message());
        };
        return Prompt.of("technician.test.reader", sam, read);
    }

    /** Real-time status, then the test page (which checks the status again before printing). */
    private Prompt printerTest(ManagedDevice.Printer d) {
        Prompt status;
        try {
            PrinterStatus now = d.printer().status();
            status = now.refusal().map(r -> Prompt.of("technician.test.printerRefuses", r))
                    .orElse(Prompt.of("technician.test.printerReady", now.paperNearEnd()
                            ? Prompt.of("technician.test.paperLow") : ""));
        } catch (StatusReplyException | RuntimeException e) {
            status = Prompt.of("technician.test.printerNoStatus", e.getMessage());
        }
        String stamp = LocalDateTime.now(s.clock()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Prompt page;
        try {
            page = switch (d.printer().print(TestPage.job(d.printer().profile(), stamp))) {
                case PrintOutcome.Printed p -> Prompt.of("technician.test.pagePrinted", TestPage.qrPayload(stamp));
                case PrintOutcome.Refused r -> Prompt.of("technician.test.pageRefused", r.reason());
                case PrintOutcome.Unreachable u -> Prompt.of("technician.test.pageFailed", u.reason());
                case PrintOutcome.Incomplete i -> Prompt.of("technician.test.pageFailed", i.failure() + " "
                        + i.detail());
                case PrintOutcome.AlreadyPrinted a -> Prompt.of("technician.test.pageFailed", a.jobId());
                case PrintOutcome.PreviouslyIncomplete p -> Prompt.of("technician.test.pageFailed", p.jobId());
            };
        } catch (IOException e) {
            page = Prompt.of("technician.test.pageFailed", e.getMessage());
        }
        return Prompt.of("technician.test.printer", status, page);
    }

    /** The scanner test shows a fresh code; {@link #scanned} compares what comes back. */
    private void askForScan(String device) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        scanCode.set("BIANMIN-SCAN-" + HexFormat.of().withUpperCase().formatHex(random));
        testResults.put(device, Prompt.of("technician.test.scanThis"));
    }

    /** A scan arrived while the console is open (on the FX thread); true if the console took it. */
    @Override
    public boolean scanned(ScanResult result) {
        String expected = scanCode.get();
        if (expected == null) {
            return false;
        }
        Prompt outcome = switch (result) {
            case ScanResult.Scanned sc when sc.payload().text().equals(expected) -> Prompt.of("technician.test.scanOk",
                    sc.charset().name());
            case ScanResult.Scanned sc -> Prompt.of("technician.test.scanOther", sc.payload().text().length());
            case ScanResult.Rejected r -> Prompt.of("technician.test.scanRejected", r.reason());
            case ScanResult.NoScan n -> null;
            case ScanResult.Failed f -> Prompt.of("technician.test.scanFailed", f.message());
        };
        if (outcome == null) {
            return true;
        }
        scanCode.set(null);
        s.devices().devices().stream().filter(d -> d instanceof ManagedDevice.Scanner
                || d instanceof ManagedDevice.WedgeScanner).forEach(d -> testResults.put(d.config().name(), outcome));
        session.audit("technician.device.test", Outcome.SUCCESS, "scanner");
        return true;
    }

    private void findMedia() {
        Background.run(s.background(), s.ui(), () -> {
            List<Path> found = new ArrayList<>();
            for (Path root : s.mediaRoots()) {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> children = Files.list(root)) {
                        children.filter(Files::isDirectory).filter(Files::isWritable).sorted().forEach(found::add);
                    } catch (IOException e) {
                        // a root we may not read: nothing to offer there
                    }
                }
            }
            return List.copyOf(found);
        }, media::set, e -> {
            media.set(List.of());
            message.set(Prompt.failed(e));
        });
    }

    /** Writes the diagnostics bundle to {@code folder} (a USB stick). */
    public void exportDiagnostics(Path folder) {
        List<TrafficLog.Line> lines = traffic.lines();
        List<DeviceStatusTracker> trackers = s.devices().trackers();
        message.set(Prompt.of("technician.diagnostics.writing"));
        Background.run(s.background(), s.ui(), () -> DiagnosticsBundle.write(folder, new DiagnosticsBundle.Contents(
                s.kioskId(), s.configFile(), s.logs(), trackers, s.selfCheck().get(), lines, s.versions()), s.clock()),
                zip -> {
                    session.audit("technician.diagnostics.export", Outcome.SUCCESS, zip.getFileName().toString());
                    message.set(Prompt.of("technician.diagnostics.written", zip.toString()));
                }, e -> {
                    session.audit("technician.diagnostics.export", Outcome.FAILURE, folder.toString());
                    message.set(Prompt.of("technician.diagnostics.failed", e.getMessage()));
                });
    }
}
