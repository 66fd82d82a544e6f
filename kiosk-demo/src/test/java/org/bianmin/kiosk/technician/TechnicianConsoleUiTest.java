package org.bianmin.kiosk.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.scene.control.TextField;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.bianmin.kiosk.admin.FileBrowserViewModel;
import org.bianmin.kiosk.admin.StaffLogin;
import org.bianmin.kiosk.admin.TestPins;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.ui.KioskOnStage;
import org.bianmin.kiosk.demo.DemoEnvironment;
import org.bianmin.kiosk.demo.DemoOnStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The technician console on the assembled kiosk, by touch: a reader moved to a real socat pty reconnects without
 * a restart; each device's self-test; the diagnostics bundle on a "USB stick" holds no personal data.
 */
class TechnicianConsoleUiTest extends FxRobot {

    private static final String PIN = "731642";
    private static final String ID_NUMBER = "110105199003071239";
    private static final String NAME = "测试样卡";
    private static final String ADDRESS = "示例路";

    @TempDir
    Path data;
    @TempDir
    Path media;
    @TempDir
    Path ptys;

    private Kiosk kiosk;
    /** What the demo added, when the test opened it. */
    private DemoEnvironment demo;

    @BeforeEach
    void media() {
        System.setProperty(FileBrowserViewModel.MEDIA_PROPERTY, media.toString());
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty(FileBrowserViewModel.MEDIA_PROPERTY);
        if (kiosk != null) {
            KioskOnStage.close(kiosk);
        }
    }

    private void open(KioskConfig config, boolean withDemo) throws Exception {
        KioskConfig staffed = config.withAdmin(AdminConfig.defaults().withTechnicianPin(TestPins.fast(PIN)));
        if (withDemo) {
            DemoOnStage stage = DemoOnStage.open(data, staffed, Clock.systemDefaultZone());
            kiosk = stage.kiosk();
            demo = stage.demo();
        } else {
            kiosk = KioskOnStage.open(data, staffed, Clock.systemDefaultZone());
        }
        StaffLogin.login(this, PIN, "#technician-console");
        // Devices coming online re-render their rows: look for a row only once it is there.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#tech-test-idcard").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aReaderMovedToAPtyInTheConsoleReconnectsWithoutARestart() throws Exception {
        KioskConfig defaults = KioskConfig.defaults();
        String nowhere = ptys.resolve("nothing-here").toString();
        KioskConfig config = new KioskConfig(defaults.kioskId(), defaults.portalUrl(), defaults.language(),
                defaults.idleSeconds(), defaults.elderIdleSeconds(), defaults.idleCountdownSeconds(),
                List.of(new DeviceConfig("idcard", "idcard", nowhere, 115200, Map.of("pollIntervalMs", "50"))), "",
                List.of());
        try (PtyPair pair = PtyPair.start(ptys.resolve("reader"));
             IdCardSimulator reader = new IdCardSimulator(new SimulatedPort(new SerialTransport(
                     pair.devicePath().toString(), SerialSettings.of8N1(115200)), java.util.Optional.of(pair),
                     java.util.Optional.empty()), new Random()).start()) {
            open(config, false);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#tech-state-idcard").startsWith("未找到设备"));
            assertThat(text("#tech-port-idcard")).endsWith(nowhere);

            clickOn("#tech-edit-idcard");
            // A bad value is refused by field, and nothing is written.
            clickOn("#tech-baud-9600");
            TextField port = lookup("#tech-port-field").queryAs(TextField.class);
            interact(() -> port.setText("ttyUSB0"));
            clickOn("#tech-save");
            assertThat(texts("#tech-edit-messages")).singleElement().asString()
                    .startsWith("不能保存：devices[idcard].port");
            assertThat(new ConfigStore(data.resolve("config.json")).loadOrCreate().devices().getFirst().port())
                    .isEqualTo(nowhere);

            interact(() -> port.setText(pair.hostPath().toString()));
            clickOn("#tech-baud-115200");
            clickOn("#tech-save");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> texts("#tech-edit-messages").stream()
                    .anyMatch(t -> t.startsWith("已保存")));
            clickOn("#tech-close");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#tech-state-idcard").startsWith("在线"));
            assertThat(text("#tech-port-idcard")).endsWith(pair.hostPath().toString());
            assertThat(new ConfigStore(data.resolve("config.json")).loadOrCreate().devices().getFirst().port())
                    .isEqualTo(pair.hostPath().toString());

            // The journey's reader object now reads the card on the far end of the pty.
            reader.placeCard(CardFiles.sample("resident.json"));
            clickOn("#tech-test-idcard");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#tech-result-idcard").contains("读卡成功"));
            assertThat(text("#tech-result-idcard")).contains("安全模块：正常", "110105********1239")
                    .doesNotContain(ID_NUMBER);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().audit().tail(20).toString()
                    .contains("technician.device.save"));
        }
    }

    @Test
    void selfTestsAndADiagnosticsBundleWithoutPersonalData() throws Exception {
        Path stick = Files.createDirectories(media.resolve("KIOSK-USB"));
        Files.createDirectories(data.resolve("logs"));
        // A log line that should never have held a full number: the bundle masks it all the same.
        Files.writeString(data.resolve("logs").resolve("kiosk.log"), "2026-12-01 INFO read card " + ID_NUMBER
                + "\n2026-12-01 INFO kiosk ready\n");
        open(KioskConfig.defaults(), true);

        demo.devices().placeCard(CardFiles.sample("resident.json"));
        clickOn("#tech-test-idcard");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#tech-result-idcard").contains("读卡成功"));
        assertThat(text("#tech-result-idcard")).contains("110105********1239");

        tap("#tech-test-printer");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#tech-result-printer").contains("测试页："));
        assertThat(text("#tech-result-printer")).contains("就绪", "已打印");
        assertThat(demo.devices().virtualPrinter().transcript().text()).contains("打印测试页");

        tap("#tech-test-scanner");
        String code = ((TechnicianConsoleViewModel) kiosk.navigator().current()).scanCodeProperty().get();
        assertThat(code).startsWith("BIANMIN-SCAN-");
        assertThat(lookup("#tech-scan-qr").tryQuery()).isPresent();
        interact(() -> kiosk.onScan(new ScanResult.Scanned(new ScanPayload.Other("something else"),
                StandardCharsets.UTF_8)));
        assertThat(text("#tech-result-scanner")).startsWith("读到了其他内容");
        tap("#tech-test-scanner");
        String second = ((TechnicianConsoleViewModel) kiosk.navigator().current()).scanCodeProperty().get();
        interact(() -> kiosk.onScan(new ScanResult.Scanned(new ScanPayload.Other(second), StandardCharsets.UTF_8)));
        assertThat(text("#tech-result-scanner")).startsWith("扫码器正常");
        assertThat(lookup("#tech-scan-qr").tryQuery()).isEmpty();

        clickOn("#tech-tab-TRAFFIC");
        assertThat(texts("#tech-traffic")).anyMatch(t -> t.contains("READ_TEXT_PHOTO"))
                .anyMatch(t -> t.contains("bytes masked")).noneMatch(t -> t.contains(ID_NUMBER));

        clickOn("#tech-tab-DIAGNOSTICS");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#tech-export-KIOSK-USB").tryQuery().isPresent());
        clickOn("#tech-export-KIOSK-USB");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#tech-diagnostics-message").startsWith("诊断包已写入"));
        List<Path> zips;
        try (var files = Files.list(stick)) {
            zips = files.toList();
        }
        assertThat(zips).singleElement().asString().endsWith(".zip").contains("bianmin-diagnostics-KIOSK-0001-");
        Map<String, String> entries = unzip(zips.getFirst());
        assertThat(entries).containsKeys("versions.txt", "config.json", "devices.txt", "traffic.txt", "selfcheck.txt",
                "logs/kiosk.log");
        assertThat(entries.get("logs/kiosk.log")).contains("110105********1239", "kiosk ready");
        assertThat(entries.get("traffic.txt")).contains("READ_TEXT_PHOTO");
        assertThat(entries.get("devices.txt")).contains("idcard", "printer", "ONLINE");
        entries.forEach((name, content) -> assertThat(content).as(name)
                .doesNotContain(ID_NUMBER, NAME, ADDRESS, "19900307"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().audit().tail(20).toString()
                .contains("technician.diagnostics.export"));
    }

    /** Scrolls the console until {@code id} is in view (the device list is longer than the test window), then taps it. */
    private void tap(String id) {
        javafx.scene.Node node = lookup(id).query();
        interact(() -> {
            javafx.scene.Node up = node;
            while (!(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) up;
            javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (at.getMinY() - 40) / range)));
        });
        clickOn(id);
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> entries = new java.util.HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("");
    }

    /** Every label's text under the node {@code id}. */
    private List<String> texts(String id) {
        List<String> all = new ArrayList<>();
        lookup(id).tryQuery().ifPresent(root -> collect(root, all));
        return all;
    }

    private static void collect(javafx.scene.Node node, List<String> into) {
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            into.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }
}
