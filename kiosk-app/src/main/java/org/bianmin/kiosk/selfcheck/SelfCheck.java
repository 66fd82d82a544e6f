package org.bianmin.kiosk.selfcheck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.AuditRecord;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.bianmin.cache.db.StorageAlert;
import org.bianmin.cache.db.StorageException;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.transport.PortAddress;
import org.bianmin.device.transport.TransportException;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.protocol.signing.KeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every start runs before the kiosk serves anyone, and that {@code kioskctl selfcheck} prints: Java and
 * JavaFX, the data directory, jSerialComm's native library, the configured ports, a CJK font, the clock, the
 * database and the catalogue's signature. Each failure names the features it takes out of service, so the kiosk
 * keeps offering everything else.
 */
public final class SelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SelfCheck.class);
    /** No clock before the JDK this build needs was released can be right. */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2025-09-16T00:00:00Z");
    /** The clock may be corrected backwards by NTP a little; more than this behind the audit log is a bad clock. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    static final long LOW_SPACE_BYTES = 200L * 1024 * 1024;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private final DataDirectory data;
    private final KioskConfig config;
    private final OfflineCache cache;
    private final Clock clock;
    private final Probes probes;

    public SelfCheck(DataDirectory data, KioskConfig config, OfflineCache cache, Clock clock, Probes probes) {
        this.data = data;
        this.config = config;
        this.cache = cache;
        this.clock = clock;
        this.probes = probes;
    }

    /** Runs every check; never throws (a check that cannot run is a failure of that check). */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        results.add(java());
        results.add(javafx());
        results.add(dataDirectory());
        Set<Feature> serial = serialFeatures();
        Probes.SerialLibrary library = probes.serialLibrary();
        results.add(serialLibrary(library, serial));
        for (DeviceConfig device : config.devices()) {
            results.add(port(device, library));
        }
        results.add(font());
        results.add(clock());
        results.add(database());
        results.add(catalogue());
        return List.copyOf(results);
    }

    /** Writes each result to the log: passes at INFO, warnings at WARN, failures at ERROR. */
    public static void log(List<CheckResult> results) {
        for (CheckResult r : results) {
            switch (r.status()) {
                case PASS -> LOG.info("self-check {}", r.line());
                case WARN -> LOG.warn("self-check {}", r.line());
                case FAIL -> LOG.error("self-check {} (out of service: {})", r.line(), r.disables());
            }
        }
    }

    /** The features the failed checks take out of service. */
    public static Set<Feature> disabled(List<CheckResult> results) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        results.forEach(r -> out.addAll(r.disables()));
        return out;
    }

    private static CheckResult java() {
        Runtime.Version v = Runtime.version();
        String detail = v + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")";
        return v.feature() >= 25 ? CheckResult.pass("java", detail)
                : CheckResult.fail("java", detail + ": JDK 25 or newer is required", Set.of());
    }

    private CheckResult javafx() {
        return probes.javafx().map(v -> CheckResult.pass("javafx", v))
                .orElseGet(() -> CheckResult.fail("javafx", "the JavaFX modules are not on the module path",
                        Set.of()));
    }

    private CheckResult dataDirectory() {
        Path root = data.root();
        String name = "data-dir";
        if (!Files.isDirectory(root)) {
            return CheckResult.fail(name, root + " is not a directory", Set.of(Feature.APPLICATIONS));
        }
        Path probe = root.resolve(".selfcheck-" + ProcessHandle.current().pid());
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        } catch (IOException e) {
            return CheckResult.fail(name, root + " is not writable by " + System.getProperty("user.name") + ": "
                    + e.getMessage(), Set.of(Feature.APPLICATIONS));
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the write failed already, or the directory vanished: reported above
            }
        }
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            if (free < LOW_SPACE_BYTES) {
                return CheckResult.warn(name, root + ": only " + free / (1024 * 1024) + " MB free");
            }
            Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(root));
            open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!open.isEmpty()) {
                return CheckResult.warn(name, root + " is open to others (" + open + "): it holds personal data; "
                        + "chmod 700 " + root);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the installer's ACL protects it
        }
        return CheckResult.pass(name, root + " writable, owner-only");
    }

    /** Features of devices on local serial ports: those a missing native library takes down. */
    private Set<Feature> serialFeatures() {
        return config.devices().stream().filter(SelfCheck::onSerialPort).flatMap(d -> Feature.of(d).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Feature.class)));
    }

    private static boolean onSerialPort(DeviceConfig device) {
        return device.portAddress().orElse(null) instanceof PortAddress.Serial
                || device.portAddress().orElse(null) instanceof PortAddress.Usb;
    }

    private static CheckResult serialLibrary(Probes.SerialLibrary library, Set<Feature> serial) {
        String name = "serial-library";
        return switch (library) {
            case Probes.SerialLibrary.Loaded(var ports) -> CheckResult.pass(name, "jSerialComm loaded "
                    + Optional.ofNullable(System.getProperty(Probes.SERIAL_LIBRARY_PATH)).map(dir -> "from " + dir)
                            .orElse("(extracted from its jar)")
                    + "; ports: " + (ports.isEmpty() ? "none" : String.join(", ", ports)));
            case Probes.SerialLibrary.Failed(var error) when serial.isEmpty() ->
                    CheckResult.warn(name, "not loadable, but no serial device is configured: " + error);
            case Probes.SerialLibrary.Failed(var error) -> CheckResult.fail(name, error, serial);
        };
    }

    private CheckResult port(DeviceConfig device, Probes.SerialLibrary library) {
        String name = "port " + device.name();
        Set<Feature> feature = Feature.of(device).map(Set::of).orElse(Set.of());
        if (device.port() == null || device.port().isEmpty()) {
            return CheckResult.pass(name, device.driver() + ": keyboard input, no port");
        }
        Optional<PortAddress> address = device.portAddress();
        if (address.isEmpty()) {
            return CheckResult.fail(name, device.port() + " is not a port address", feature);
        }
        String port = address.get().toString();
        Path path;
        switch (address.get()) {
            case PortAddress.Simulated sim -> {
                return CheckResult.pass(name, "simulated");
            }
            case PortAddress.Tcp tcp -> {
                return CheckResult.pass(name, port + ": network device, connected by the supervisor");
            }
            case PortAddress.Usb usb -> {
                if (library instanceof Probes.SerialLibrary.Failed) {
                    return CheckResult.fail(name, port + ": cannot look up USB devices without the serial library",
                            feature);
                }
                try {
                    path = Path.of(probes.resolveUsb(usb));
                } catch (TransportException e) {
                    return CheckResult.fail(name, e.getMessage(), feature);
                }
            }
            case PortAddress.Serial serial -> path = Path.of(serial.path());
        }
        if (!Files.exists(path)) {
            return CheckResult.fail(name, path + " does not exist: is the device plugged in? (ls -l /dev/serial/by-id)",
                    feature);
        }
        if (!isCharacterDevice(path)) {
            return CheckResult.fail(name, path + " is not a device file", feature);
        }
        if (!Files.isReadable(path) || !Files.isWritable(path)) {
            return CheckResult.fail(name, path + ": no read/write permission for " + System.getProperty("user.name")
                    + " (add the user to the group dialout)", feature);
        }
        return CheckResult.pass(name, path.equals(Path.of(port)) ? port : port + " = " + path);
    }

    private static boolean isCharacterDevice(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & S_IFMT) == S_IFCHR;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
            return true; // COM ports on Windows are not files; opening them is the supervisor's test
        }
    }

    private CheckResult font() {
        return switch (probes.fonts()) {
            case FontResolution.Usable u -> CheckResult.pass("cjk-font", u.fonts().describe());
            case FontResolution.Unusable u -> CheckResult.fail("cjk-font", u.reason(), Set.of(Feature.CHINESE_TEXT));
        };
    }

    private CheckResult clock() {
        Instant now = clock.instant();
        Set<Feature> dated = Set.of(Feature.APPLICATIONS);
        if (now.isBefore(EARLIEST_PLAUSIBLE)) {
            return CheckResult.fail("clock", "the clock says " + now + ", before this software existed: set the "
                    + "time (timedatectl) or check the RTC battery", dated);
        }
        Optional<Instant> last;
        try {
            last = cache.audit().tail(1).stream().map(AuditRecord::at).findFirst();
        } catch (StorageException e) {
            return CheckResult.warn("clock", now + "; the audit log could not be read to compare: " + e.getMessage());
        }
        if (last.isPresent() && now.isBefore(last.get().minus(CLOCK_SLACK))) {
            return CheckResult.fail("clock", "the clock says " + now + ", before the last audit record ("
                    + last.get() + "): it went backwards; set the time (timedatectl)", dated);
        }
        return CheckResult.pass("clock", now + (last.map(t -> ", after the last audit record").orElse("")));
    }

    private CheckResult database() {
        String name = "database";
        Set<Feature> storing = Set.of(Feature.APPLICATIONS);
        String check;
        int schema;
        try {
            check = cache.database().quickCheck();
            schema = cache.database().schemaVersion();
        } catch (StorageException e) {
            return CheckResult.fail(name, e.getMessage(), storing);
        }
        if (!"ok".equals(check)) {
            return CheckResult.fail(name, "quick_check: " + check, storing);
        }
        for (StorageAlert alert : cache.database().alerts()) {
            if (alert instanceof StorageAlert.DatabaseQuarantined q) {
                return CheckResult.warn(name, "a damaged database was moved aside to " + q.movedTo()
                        + " at this start; working on a new one (" + q.reason() + ")");
            }
        }
        return CheckResult.pass(name, cache.database().file() + ": quick_check ok, schema " + schema);
    }

    /**
     * The signature was verified over the published bytes when the version was applied (the store keeps the
     * parsed catalogue, not those bytes); at start the check is that the signing key is still one this kiosk trusts.
     */
    private CheckResult catalogue() {
        String name = "catalogue";
        Optional<StoredCatalogue> current = cache.catalogue().current();
        if (current.isEmpty()) {
            return CheckResult.warn(name, "none yet: the kiosk applies the bundled sample at its first start");
        }
        StoredCatalogue stored = current.get();
        String version = "version " + stored.version();
        if (!stored.signature().signed()) {
            return config.syncConfigured()
                    ? CheckResult.warn(name, version + " is unsigned (the bundled sample): waiting for the portal")
                    : CheckResult.pass(name, version + ", unsigned (offline kiosk: bundled or imported)");
        }
        String keyId = stored.signature().signingKeyId();
        boolean trusted = config.trustedKeys().stream().map(KeyFile::keyId).anyMatch(keyId::equals);
        return trusted ? CheckResult.pass(name, version + " signed by trusted key " + keyId)
                : CheckResult.fail(name, version + " is signed by key " + keyId + ", which config.json does not "
                        + "trust (trustedKeys); sync or import a catalogue signed by a trusted key",
                        Set.of(Feature.APPLICATIONS));
    }
}
