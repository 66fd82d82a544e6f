package org.bianmin.kiosk.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.FontSets;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.PortAddress;
import org.bianmin.device.transport.TransportException;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private OfflineCache cache;
    private FontResolution font = SystemFonts.resolution();
    private Probes.SerialLibrary serial = new Probes.SerialLibrary.Loaded(List.of("/dev/ttyS0"));
    private final Map<String, String> usb = Map.of("usb:1a86:7523", "/dev/does-not-exist");

    private final Probes probes = new Probes() {
        @Override
        public Optional<String> javafx() {
            return Optional.of("26.0.2");
        }

        @Override
        public SerialLibrary serialLibrary() {
            return serial;
        }

        @Override
        public FontResolution fonts() {
            return font;
        }

        @Override
        public String resolveUsb(PortAddress.Usb address) throws TransportException {
            String name = address.toString();
            if (!usb.containsKey(name)) {
                throw new TransportException(TransportException.Kind.NOT_FOUND, "no USB serial device " + name);
            }
            return usb.get(name);
        }
    };

    @AfterEach
    void closeCache() {
        if (cache != null) {
            cache.close();
        }
    }

    private List<CheckResult> check(KioskConfig config, Instant now) throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data")).ensureExists();
        return check(data, config, now);
    }

    private List<CheckResult> check(DataDirectory data, KioskConfig config, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        if (cache == null) {
            cache = OfflineCache.open(dir, dir.resolve("kiosk.db"), OfflineCache.Settings.defaults("KIOSK-0001"),
                    clock, alert -> { });
        }
        return new SelfCheck(data, config, cache, clock, probes).run();
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static KioskConfig withDevices(DeviceConfig... devices) {
        KioskConfig d = KioskConfig.defaults();
        return new KioskConfig(d.kioskId(), d.portalUrl(), d.language(), d.idleSeconds(), d.elderIdleSeconds(),
                d.idleCountdownSeconds(), List.of(devices), "", List.of());
    }

    private static DeviceConfig reader(String port) {
        return new DeviceConfig("idcard", "idcard", port, null, Map.of());
    }

    @Test
    void aFreshKioskWithSimulatedDevicesFailsNothing() throws Exception {
        List<CheckResult> results = check(KioskConfig.defaults(), NOW);

        assertThat(results).extracting(CheckResult::name).containsExactly("java", "javafx", "data-dir",
                "serial-library", "port idcard", "port scanner", "port printer", "cjk-font", "clock", "database",
                "catalogue");
        assertThat(results).noneMatch(r -> r.status() == CheckResult.Status.FAIL);
        assertThat(named(results, "catalogue").status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(named(results, "port idcard").detail()).isEqualTo("simulated");
        assertThat(SelfCheck.disabled(results)).isEmpty();
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStopsApplicationsOnly() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        List<CheckResult> results = check(new DataDirectory(notADirectory), KioskConfig.defaults(), NOW);

        assertThat(named(results, "data-dir").status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(SelfCheck.disabled(results)).containsExactly(Feature.APPLICATIONS);
    }

    @Test
    void aDataDirectoryOpenToOthersIsAWarning() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data")).ensureExists();
        Files.setPosixFilePermissions(data.root(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));

        CheckResult result = named(check(data, KioskConfig.defaults(), NOW), "data-dir");

        assertThat(result.status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(result.detail()).contains("chmod 700");
    }

    @Test
    void aReaderOnAPtyPassesAndOnAMissingPathFailsTakingOnlyTheReaderOut() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            assertThat(named(check(withDevices(reader(pty.hostPath().toString())), NOW), "port idcard").status())
                    .isEqualTo(CheckResult.Status.PASS);
        }
        List<CheckResult> results = check(withDevices(reader("/dev/serial/by-id/usb-no-such-reader"),
                new DeviceConfig("scanner", "scanner", "sim:", null, Map.of())), NOW);

        assertThat(named(results, "port idcard").detail()).contains("does not exist");
        assertThat(named(results, "port scanner").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(SelfCheck.disabled(results)).containsExactly(Feature.ID_CARD_READER);
    }

    @Test
    void aPortThatIsAPlainFileOrAnUnpluggedUsbDeviceFails() throws Exception {
        Path file = Files.writeString(dir.resolve("ttyFake"), "");
        List<CheckResult> results = check(withDevices(reader(file.toString()),
                new DeviceConfig("scanner", "scanner", "usb:0483:5740", null, Map.of())), NOW);

        assertThat(named(results, "port idcard").detail()).endsWith("is not a device file");
        assertThat(named(results, "port scanner").detail()).contains("no USB serial device usb:0483:5740");
        assertThat(SelfCheck.disabled(results)).containsExactlyInAnyOrder(Feature.ID_CARD_READER, Feature.SCANNER);
    }

    @Test
    void aSerialLibraryThatCannotLoadTakesOutSerialDevicesAndIsOnlyAWarningWithoutThem() throws Exception {
        serial = new Probes.SerialLibrary.Failed("failed to map segment from shared object (noexec /tmp)");
        List<CheckResult> serialReader = check(withDevices(reader("/dev/ttyUSB0"),
                new DeviceConfig("wedge", "scanner-wedge", "", null, Map.of())), NOW);
        assertThat(named(serialReader, "serial-library").status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(SelfCheck.disabled(serialReader)).containsExactly(Feature.ID_CARD_READER);

        List<CheckResult> simulated = check(KioskConfig.defaults(), NOW);
        assertThat(named(simulated, "serial-library").status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(SelfCheck.disabled(simulated)).isEmpty();
    }

    @Test
    void noChineseFontTakesOutChineseText() throws Exception {
        font = FontSets.NONE.resolve(dir.resolve("fonts"));
        List<CheckResult> results = check(KioskConfig.defaults(), NOW);
        assertThat(named(results, "cjk-font").status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(named(results, "cjk-font").detail()).contains("Chinese", "fonts-noto-cjk");
        assertThat(SelfCheck.disabled(results)).containsExactly(Feature.CHINESE_TEXT);
    }

    /** The false alarm of issue 13: Droid Sans Fallback renders 汉字 (DejaVu the Latin), so no notice. */
    @Test
    void droidFallbackWithALatinFontIsNoAlarm() throws Exception {
        font = FontSets.DROID.resolve(dir.resolve("fonts"));
        List<CheckResult> results = check(KioskConfig.defaults(), NOW);
        assertThat(named(results, "cjk-font").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(named(results, "cjk-font").detail()).contains("Droid Sans Fallback", "DejaVu Sans");
        assertThat(SelfCheck.disabled(results)).doesNotContain(Feature.CHINESE_TEXT);
    }

    /** Droid alone would print receipts without numbers: that is a real alarm, naming what is missing. */
    @Test
    void droidWithoutAnyLatinFontFails() throws Exception {
        font = FontSets.DROID_ALONE.resolve(dir.resolve("fonts"));
        List<CheckResult> results = check(KioskConfig.defaults(), NOW);
        assertThat(named(results, "cjk-font").detail()).contains("U+0030", "fonts-dejavu-core");
        assertThat(SelfCheck.disabled(results)).containsExactly(Feature.CHINESE_TEXT);
    }

    @Test
    void aClockBeforeTheLastAuditRecordOrBeforeThisSoftwareExistedStopsApplications() throws Exception {
        check(KioskConfig.defaults(), NOW);
        cache.audit().append(Actor.technician("t"), "test", Outcome.SUCCESS, "clock reference");

        List<CheckResult> wentBack = check(KioskConfig.defaults(), NOW.minusSeconds(3600));
        assertThat(named(wentBack, "clock").detail()).contains("went backwards");
        assertThat(SelfCheck.disabled(wentBack)).containsExactly(Feature.APPLICATIONS);

        assertThat(named(check(KioskConfig.defaults(), NOW.minusSeconds(60)), "clock").status())
                .as("NTP slewing a minute back is normal").isEqualTo(CheckResult.Status.PASS);
        assertThat(named(check(KioskConfig.defaults(), Instant.parse("1970-01-01T00:00:10Z")), "clock").status())
                .isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void aDamagedDatabaseMovedAsideAtThisStartIsReported() throws Exception {
        Files.writeString(dir.resolve("kiosk.db"), "this is not a database, it is long enough to be read as one");
        CheckResult result = named(check(KioskConfig.defaults(), NOW), "database");
        assertThat(result.status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(result.detail()).contains("quarantine");
    }

    @Test
    void aCatalogueSignedByAKeyTheConfigNoLongerTrustsStopsApplications() throws Exception {
        KeyFile trusted = Ed25519Keys.toFile(Ed25519Keys.generate()).publicOnly();
        KeyFile other = Ed25519Keys.toFile(Ed25519Keys.generate()).publicOnly();
        KioskConfig d = KioskConfig.defaults();
        KioskConfig syncing = new KioskConfig(d.kioskId(), d.portalUrl(), d.language(), d.idleSeconds(),
                d.elderIdleSeconds(), d.idleCountdownSeconds(), d.devices(), "token", List.of(trusted));
        check(syncing, NOW);
        cache.catalogue().apply(new CatalogueReader().readSample(), CatalogueSignature.UNSIGNED);
        assertThat(named(check(syncing, NOW), "catalogue").status()).as("bundled sample, waiting for the portal")
                .isEqualTo(CheckResult.Status.WARN);

        var next = new CatalogueReader().readSample();
        var signedByOther = new org.bianmin.protocol.catalogue.Catalogue(next.format(), next.version() + 1,
                next.publishedAt(), next.region(), next.hall(), next.departments(), next.topics(), next.items());
        cache.catalogue().apply(signedByOther, new CatalogueSignature(other.keyId(), "c2lnbmF0dXJl"));
        List<CheckResult> untrusted = check(syncing, NOW);
        assertThat(named(untrusted, "catalogue").detail()).contains(other.keyId(), "does not trust");
        assertThat(SelfCheck.disabled(untrusted)).containsExactly(Feature.APPLICATIONS);

        KioskConfig trustingBoth = syncing.withPortal(d.portalUrl(), "token", List.of(trusted, other));
        assertThat(named(check(trustingBoth, NOW), "catalogue").status()).isEqualTo(CheckResult.Status.PASS);
    }
}
