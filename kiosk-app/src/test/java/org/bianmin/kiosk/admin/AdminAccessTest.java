package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.ui.MovableClock;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry's logic without a window: PIN to role, lockout, consoles by role, logout; what the audit gets. */
class AdminAccessTest {

    private static final String OPERATOR_PIN = "482916";
    private static final String TECHNICIAN_PIN = "730251";

    record Entry(Actor actor, String event, Outcome outcome, String detail) {}

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T02:00:00Z"));
    private final List<Entry> audit = new ArrayList<>();
    private final Screen home = new Screen() {};
    private final Navigator navigator = new Navigator(home);
    private final AtomicInteger wipes = new AtomicInteger();
    private final Consoles consoles = new Consoles();
    private final AdminScreen operatorConsole = () -> "operator.title";
    private AdminConfig config = AdminConfig.defaults();
    private AdminAccess access;

    private AdminAccess access() {
        consoles.register(AdminRole.OPERATOR, session -> operatorConsole);
        return new AdminAccess(() -> config, new PinLock(dir.resolve(PinLock.FILE), clock), consoles, navigator,
                () -> {
                    wipes.incrementAndGet();
                    navigator.home();
                }, (actor, event, outcome, detail) -> audit.add(new Entry(actor, event, outcome, detail)), clock,
                Runnable::run, Runnable::run);
    }

    private PinPadViewModel pad() {
        return (PinPadViewModel) navigator.current();
    }

    private void type(String pin) {
        pin.chars().forEach(c -> pad().digit((char) c));
        pad().submit();
    }

    private void withPins() {
        config = config.withOperatorPin(TestPins.fast(OPERATOR_PIN)).withTechnicianPin(TestPins.fast(TECHNICIAN_PIN));
        access = access();
    }

    @Test
    void fiveCornerTapsOpenThePadAndCancelReturnsToTheCitizen() {
        withPins();
        Screen citizenPlace = new Screen() {};
        navigator.show(citizenPlace);
        for (int i = 0; i < 4; i++) {
            access.pressed(5, 5);
        }
        assertThat(navigator.current()).isSameAs(citizenPlace);
        access.pressed(5, 5);
        assertThat(navigator.current()).isInstanceOf(PinPadViewModel.class);
        access.exit();
        assertThat(navigator.current()).isSameAs(citizenPlace);
        assertThat(wipes).hasValue(0);
    }

    @Test
    void theOperatorPinOpensTheOperatorConsoleAfterWipingTheCitizenSession() {
        withPins();
        access.openPad();
        type(OPERATOR_PIN);
        assertThat(navigator.current()).isSameAs(operatorConsole);
        assertThat(wipes).hasValue(1);
        assertThat(access.session()).hasValueSatisfying(s -> assertThat(s.role()).isEqualTo(AdminRole.OPERATOR));
        assertThat(audit).extracting(Entry::event, Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("admin.pin", Outcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("admin.login", Outcome.SUCCESS));
        assertThat(audit).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.operator("pin")));

        access.exit();
        assertThat(navigator.current()).isSameAs(home);
        assertThat(access.session()).isEmpty();
        assertThat(audit.getLast().event()).isEqualTo("admin.logout");
        assertThat(audit.getLast().detail()).startsWith("button");
    }

    @Test
    void aRoleWithoutAConsoleIsToldItIsNotInstalledAndNothingOpens() {
        withPins();
        access.openPad();
        type(TECHNICIAN_PIN);
        assertThat(navigator.current()).isInstanceOf(PinPadViewModel.class);
        assertThat(pad().promptProperty().get()).isEqualTo(Prompt.of("admin.pin.notInstalled", AdminRole.TECHNICIAN));
        assertThat(wipes).hasValue(0);
        assertThat(audit.getLast()).isEqualTo(new Entry(Actor.technician("pin"), "admin.login", Outcome.DENIED,
                "no technician console is installed on this kiosk"));
    }

    @Test
    void withoutAnyPinNothingCanBeEnteredAndAttemptsDoNotCount() {
        access = access();
        access.openPad();
        assertThat(pad().promptProperty().get().key()).isEqualTo("admin.pin.noneSet");
        assertThat(pad().rolesWithoutPin()).containsExactly(AdminRole.TECHNICIAN, AdminRole.OPERATOR);
        for (int i = 0; i < 6; i++) {
            type("482916");
        }
        assertThat(pad().promptProperty().get().key()).isEqualTo("admin.pin.noneSet");
        assertThat(access.lockedUntil()).isEmpty();
    }

    @Test
    void fiveWrongPinsLockEvenTheRightOneOutForFiveMinutes() {
        withPins();
        access.openPad();
        for (int left = 4; left >= 1; left--) {
            type("111111");
            assertThat(pad().promptProperty().get()).isEqualTo(Prompt.of("admin.pin.wrong", left));
        }
        type("222222");
        Instant until = clock.instant().plus(PinLock.LOCK_TIME);
        assertThat(pad().promptProperty().get()).isEqualTo(Prompt.of("admin.pin.locked", until));
        type(OPERATOR_PIN);
        assertThat(navigator.current()).as("the right PIN is refused while locked").isInstanceOf(PinPadViewModel.class);

        access.exit();
        access.openPad();
        assertThat(pad().promptProperty().get()).as("leaving the pad keeps the lock")
                .isEqualTo(Prompt.of("admin.pin.locked", until));

        clock.advance(PinLock.LOCK_TIME);
        type(OPERATOR_PIN);
        assertThat(navigator.current()).isSameAs(operatorConsole);
        assertThat(audit).extracting(Entry::event, Entry::outcome).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("admin.pin", Outcome.FAILURE),
                org.assertj.core.groups.Tuple.tuple("admin.lockout", Outcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("admin.pin", Outcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("admin.pin", Outcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("admin.login", Outcome.SUCCESS));
        assertThat(audit.stream().filter(e -> e.outcome() == Outcome.FAILURE)).hasSize(PinLock.MAX_FAILURES);
        assertThat(audit).allSatisfy(e -> assertThat(e.detail()).doesNotContain(OPERATOR_PIN, "111111", "222222"));
    }

    @Test
    void anIdleConsoleLogsOutToTheHomeScreen() {
        withPins();
        access.openPad();
        type(OPERATOR_PIN);
        Duration limit = Duration.ofSeconds(config.idleSeconds());
        access.idle().tick(clock.instant().plus(limit.minusSeconds(16)));
        assertThat(access.idle().secondsLeftProperty().get()).isEqualTo(-1);
        access.idle().tick(clock.instant().plus(limit.minusSeconds(10)));
        assertThat(access.idle().secondsLeftProperty().get()).as("countdown").isEqualTo(10);
        access.idle().tick(clock.instant().plus(limit));
        assertThat(navigator.current()).isSameAs(home);
        assertThat(access.session()).isEmpty();
        assertThat(audit.getLast().event()).isEqualTo("admin.logout");
        assertThat(audit.getLast().detail()).startsWith("idle");
    }
}
