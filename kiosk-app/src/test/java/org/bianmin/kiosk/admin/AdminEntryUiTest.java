package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.bianmin.cache.audit.AuditRecord;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.audit.VerifyResult;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.operator.OperatorPanelViewModel;
import org.bianmin.kiosk.ui.KioskOnStage;
import org.bianmin.kiosk.ui.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The hidden entry on the assembled kiosk, by touch: corner taps, PIN pad, lockout, operator panel, idle logout. */
class AdminEntryUiTest extends FxRobot {

    private static final String OPERATOR_PIN = "482916";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T02:00:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Kiosk kiosk;

    @BeforeEach
    void open() throws Exception {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        KioskConfig config = KioskConfig.defaults().withAdmin(AdminConfig.defaults().withOperatorPin(
                TestPins.fast(OPERATOR_PIN)));
        kiosk = KioskOnStage.open(data, config, clock);
    }

    @AfterEach
    void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        KioskOnStage.close(kiosk);
    }

    @Test
    void lockoutThenOperatorPanelThenIdleLogoutToHome() throws Exception {
        clickOn("#elder-mode");
        Node department = lookup((Node n) -> n.getId() != null && n.getId().startsWith("dept-")).query();
        clickOn(department);
        String citizenSession = kiosk.session().id();

        tapCorner(5);
        assertThat(lookup("#pin-pad").tryQuery()).as("five corner taps open the PIN pad").isPresent();
        assertThat(lookup("#elder-mode").tryQuery()).as("no citizen switches on staff screens").isEmpty();
        assertThat(lookup("#admin-exit").queryButton().getText()).isEqualTo("取消");

        for (int left = 4; left >= 1; left--) {
            type("111111");
            assertThat(prompt()).isEqualTo("PIN 不正确，还可尝试 " + left + " 次。");
        }
        type("222222");
        assertThat(prompt()).startsWith("输入错误次数过多，管理入口已锁定").contains("10:05:00");
        type(OPERATOR_PIN);
        assertThat(prompt()).as("the right PIN is refused while locked").startsWith("输入错误次数过多");
        assertThat(lookup("#operator-panel").tryQuery()).isEmpty();

        clickOn("#admin-exit");
        assertThat(kiosk.session().id()).as("cancelling the pad leaves the citizen session").isEqualTo(citizenSession);
        tapCorner(5);
        assertThat(prompt()).as("the lock survives leaving the pad").startsWith("输入错误次数过多");

        clock.advance(PinLock.LOCK_TIME);
        type(OPERATOR_PIN);
        assertThat(lookup("#operator-panel").tryQuery()).isPresent();
        assertThat(kiosk.navigator().current()).isInstanceOf(OperatorPanelViewModel.class);
        assertThat(kiosk.session().id()).as("citizen session wiped on entry").isNotEqualTo(citizenSession);
        assertThat(kiosk.session().elderMode()).isFalse();
        assertThat(lookup("#admin-exit").queryButton().getText()).isEqualTo("退出");
        assertThat(lookup("#lang-en").tryQuery()).isEmpty();

        Duration idle = Duration.ofSeconds(AdminConfig.DEFAULT_IDLE_SECONDS);
        interact(() -> kiosk.tick(clock.instant().plus(idle.minusSeconds(10))));
        assertThat(lookup("#idle-dialog").tryQuery()).as("countdown before logout").isPresent();
        interact(() -> kiosk.tick(clock.instant().plus(idle)));
        assertThat(lookup("#search-field").tryQuery()).as("back on the citizen home screen").isPresent();
        assertThat(lookup("#operator-panel").tryQuery()).isEmpty();
        assertThat(kiosk.admin().session()).isEmpty();

        List<AuditRecord> audit = auditUntil("admin.logout");
        assertThat(audit).filteredOn(r -> r.event().equals("admin.pin") && r.outcome() == Outcome.FAILURE)
                .hasSize(PinLock.MAX_FAILURES);
        assertThat(audit).extracting(AuditRecord::event).containsSubsequence("admin.pin", "admin.lockout",
                "admin.pin", "session.end", "admin.login", "admin.logout");
        assertThat(audit).filteredOn(r -> r.event().equals("admin.logout")).singleElement()
                .satisfies(r -> assertThat(r.detail()).startsWith("idle"));
        assertThat(kiosk.cache().audit().verify()).isInstanceOf(VerifyResult.Intact.class);
        assertThat(audit).allSatisfy(r -> assertThat(r.detail() + r.actor()).doesNotContain(OPERATOR_PIN, "111111"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(OPERATOR_PIN,
                "111111", "222222"));
    }

    @Test
    void thePadShowsDotsNeverDigits() {
        tapCorner(5);
        for (char c : "4829".toCharArray()) {
            clickOn("#pin-" + c);
        }
        assertThat(lookup("#pin-dots").queryLabeled().getText()).isEqualTo("●●●●");
        assertThat(lookup((Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().contains("4829"))
                .tryQuery()).isEmpty();
        clickOn("#pin-back");
        assertThat(lookup("#pin-dots").queryLabeled().getText()).isEqualTo("●●●");
        clickOn("#pin-clear");
        assertThat(lookup("#pin-ok").queryButton().isDisabled()).isTrue();
    }

    @Test
    void tapsElsewhereOrTooFewDoNotOpenThePad() {
        tapCorner(4);
        clickOn("#search-field");
        tapCorner(1);
        assertThat(lookup("#pin-pad").tryQuery()).isEmpty();
    }

    private void tapCorner(int times) {
        StaffLogin.tapCorner(this, times);
    }

    private void type(String pin) throws Exception {
        for (char c : pin.toCharArray()) {
            clickOn("#pin-" + c);
        }
        clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !(kiosk.navigator().current() instanceof PinPadViewModel p)
                || !p.checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String prompt() {
        return lookup("#pin-prompt").queryLabeled().getText();
    }

    private List<AuditRecord> auditUntil(String event) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().audit().tail(100).stream()
                .anyMatch(r -> r.event().equals(event)));
        return kiosk.cache().audit().tail(100);
    }
}
