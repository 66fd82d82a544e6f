package org.bianmin.kiosk.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.bianmin.cache.outbox.DeliveryResult;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.OutboxDispatcher;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.kiosk.admin.FileBrowserViewModel;
import org.bianmin.kiosk.admin.StaffLogin;
import org.bianmin.kiosk.admin.TestPins;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.ui.KioskOnStage;
import org.bianmin.kiosk.ui.MovableClock;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The operator panel on the assembled kiosk, by touch: USB import refused and accepted, outbox counts. */
class OperatorPanelUiTest extends FxRobot {

    private static final String PIN = "482916";

    @TempDir
    Path data;
    @TempDir
    Path media;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T02:00:00Z"));
    private final KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
    private Kiosk kiosk;

    @BeforeEach
    void open() throws Exception {
        System.setProperty(FileBrowserViewModel.MEDIA_PROPERTY, media.toString());
        KioskConfig defaults = KioskConfig.defaults();
        KioskConfig config = defaults.withIdentity(defaults.kioskId(), defaults.portalUrl(), List.of(key.publicOnly()))
                .withAdmin(AdminConfig.defaults().withOperatorPin(TestPins.fast(PIN)));
        kiosk = KioskOnStage.open(data, config, clock);
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty(FileBrowserViewModel.MEDIA_PROPERTY);
        KioskOnStage.close(kiosk);
    }

    @Test
    void aTamperedFileFromUsbIsRefusedAndTheCatalogueKeptThenASignedOneIsApplied() throws Exception {
        Path stick = media.resolve("KIOSK-USB");
        Path good = OperatorFixture.signedFile(stick, "catalogue.json", 2, key);
        Path bad = OperatorFixture.signedFile(stick, "tampered.json", 3, key);
        byte[] body = Files.readAllBytes(bad);
        body[body.length / 2] ^= 0x01;
        Files.write(bad, body);
        login();
        assertThat(text("#catalogue-version")).startsWith("第 1 版");

        importFile("tampered.json");
        assertThat(text("#catalogue-message")).isEqualTo("已拒绝导入 tampered.json，继续使用当前目录："
                + "签名与内容不符：文件已被改动或不完整");
        assertThat(text("#catalogue-version")).startsWith("第 1 版");
        assertThat(kiosk.catalogue().version()).isEqualTo(1);

        importFile("catalogue.json");
        assertThat(text("#catalogue-message")).startsWith("已更新到第 2 版");
        assertThat(text("#catalogue-version")).startsWith("第 2 版");
        assertThat(text("#catalogue-key")).isEqualTo(key.keyId());

        importFile("catalogue.json");
        assertThat(text("#catalogue-message")).isEqualTo("已是最新：第 2 版");
        assertThat(good).exists();
    }

    @Test
    void theOutboxSectionShowsCountsAndABlockedEntryWithoutPersonalData() throws Exception {
        long blocked = kiosk.cache().outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, "ITEM-1",
                "{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8))).id();
        new OutboxDispatcher(kiosk.cache().outbox(), s -> new DeliveryResult.PermanentFailure("unknown item code"),
                clock).deliverDue();
        kiosk.cache().outbox().enqueue(new NewSubmission(SubmissionKind.RATING, "ITEM-2", new byte[] {1}));
        login();
        clickOn("#op-tab-OUTBOX");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#outbox-count-PENDING").tryQuery().isPresent());
        assertThat(text("#outbox-count-PENDING")).isEqualTo("1");
        assertThat(text("#outbox-count-BLOCKED")).isEqualTo("1");
        assertThat(lookup("#outbox-blocked-" + blocked).tryQuery()).isPresent();
        assertThat(lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().contains("张三")).tryQuery()).isEmpty();

        clickOn("#outbox-retry-" + blocked);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "0".equals(text("#outbox-count-BLOCKED")));
        assertThat(text("#outbox-count-PENDING")).isEqualTo("2");
    }

    private void login() throws Exception {
        StaffLogin.login(this, PIN, "#operator-panel");
    }

    private void importFile(String name) throws Exception {
        clickOn("#catalogue-import");
        clickOn(row("KIOSK-USB  ›"));
        clickOn(row(name));
        // The click set the card busy on the FX thread; the answer clears it.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#catalogue-import").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node row(String text) {
        return lookup((Node n) -> n instanceof javafx.scene.control.Button b && text.equals(b.getText())).query();
    }

    private String text(String id) {
        return lookup(id).queryLabeled().getText();
    }
}
