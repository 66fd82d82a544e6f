package org.bianmin.kiosk.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.ui.Navigator;

/**
 * The hidden entry from tap to logout: the corner gesture opens the PIN pad, a PIN is checked against every role
 * (with the persistent {@link PinLock}), a match wipes the citizen session and opens that role's console from
 * {@link Consoles}, and idle time or "退出" returns to the citizen home screen. Every attempt, lockout, login and
 * logout goes to the audit log; the PIN never does.
 */
public final class AdminAccess {

    /** Why a console closed, as the audit log records it. */
    public enum Exit { BUTTON, IDLE }

    /** The last seconds of the admin idle time are a countdown the shell shows, as for citizens. */
    private static final int COUNTDOWN = 15;

    private final Supplier<AdminConfig> config;
    private final PinLock lock;
    private final Consoles consoles;
    private final Navigator navigator;
    private final Runnable wipeCitizen;
    private final AuditTrail audit;
    private final Clock clock;
    private final Executor checks;
    private final Executor ui;
    private final CornerTaps taps = new CornerTaps();
    private final IdleMonitor idle;
    private AdminSession session;

    /**
     * @param wipeCitizen ends the citizen session (wipes it and shows the home screen)
     * @param checks      runs PIN checks (PBKDF2 takes a moment: never on the FX thread)
     * @param ui          runs their results on the FX thread
     */
    public AdminAccess(Supplier<AdminConfig> config, PinLock lock, Consoles consoles, Navigator navigator,
                       Runnable wipeCitizen, AuditTrail audit, Clock clock, Executor checks, Executor ui) {
        this.config = config;
        this.lock = lock;
        this.consoles = consoles;
        this.navigator = navigator;
        this.wipeCitizen = wipeCitizen;
        this.audit = audit;
        this.clock = clock;
        this.checks = checks;
        this.ui = ui;
        Duration limit = Duration.ofSeconds(config.get().idleSeconds());
        this.idle = new IdleMonitor(limit.minusSeconds(COUNTDOWN), limit.minusSeconds(COUNTDOWN),
                Duration.ofSeconds(COUNTDOWN), () -> false, clock.instant(), this::idleExpired);
    }

    /** The admin idle time; it counts while an {@link AdminScreen} is current (the kiosk ticks it then). */
    public IdleMonitor idle() {
        return idle;
    }

    /** A press on the citizen screens at scene position (x, y): five in the corner open the PIN pad. */
    public void pressed(double sceneX, double sceneY) {
        if (navigator.current() instanceof AdminScreen) {
            return;
        }
        if (!CornerTaps.inCorner(sceneX, sceneY)) {
            taps.elsewhere();
        } else if (taps.tap(clock.instant())) {
            openPad();
        }
    }

    public void openPad() {
        idle.input(clock.instant());
        navigator.show(new PinPadViewModel(this, checks, ui));
    }

    /** Roles that cannot be entered because no PIN is set for them. */
    public List<AdminRole> rolesWithoutPin() {
        return Arrays.stream(AdminRole.values()).filter(r -> r.pin(config.get()) == null).toList();
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public Optional<Instant> lockedUntil() {
        return lock.lockedUntil();
    }

    public boolean installed(AdminRole role) {
        return consoles.installed(role);
    }

    /** Checks a PIN; blocks for the hash: call off the FX thread. The caller clears {@code pin} afterwards. */
    PinAttempt attempt(char[] pin) {
        Optional<Instant> locked = lock.lockedUntil();
        if (locked.isPresent()) {
            audit.record(Actor.SYSTEM, "admin.pin", Outcome.DENIED, "entry locked until " + locked.get());
            return new PinAttempt.Locked(locked.get());
        }
        AdminConfig settings = config.get();
        if (rolesWithoutPin().size() == AdminRole.values().length) {
            audit.record(Actor.SYSTEM, "admin.pin", Outcome.DENIED, "no PIN is set for any role");
            return new PinAttempt.NoPinSet();
        }
        Optional<AdminRole> role = Pins.roleOf(pin, settings);
        if (role.isPresent()) {
            lock.success();
            audit.record(role.get().actor(), "admin.pin", Outcome.SUCCESS, role.get().name().toLowerCase() + " PIN");
            return new PinAttempt.Granted(role.get());
        }
        int left = lock.failure();
        audit.record(Actor.SYSTEM, "admin.pin", Outcome.FAILURE, "wrong PIN, " + left + " attempts left");
        if (left == 0) {
            Instant until = lock.lockedUntil().orElseThrow();
            audit.record(Actor.SYSTEM, "admin.lockout", Outcome.DENIED, PinLock.MAX_FAILURES
                    + " wrong PINs in a row: entry locked until " + until);
            return new PinAttempt.Locked(until);
        }
        return new PinAttempt.Wrong(left);
    }

    /**
     * After a granted PIN, on the FX thread: wipes the citizen session and opens the role's console. False (and
     * nothing opened) when no console for the role is installed on this kiosk.
     */
    boolean open(AdminRole role) {
        AdminSession opened = new AdminSession(role, clock.instant(), clock.getZone(), audit, () -> close(Exit.BUTTON));
        Optional<AdminScreen> console = consoles.open(opened);
        if (console.isEmpty()) {
            audit.record(role.actor(), "admin.login", Outcome.DENIED, "no " + role.name().toLowerCase()
                    + " console is installed on this kiosk");
            return false;
        }
        wipeCitizen.run();
        session = opened;
        audit.record(role.actor(), "admin.login", Outcome.SUCCESS, role.name().toLowerCase() + " console opened");
        idle.input(clock.instant());
        navigator.show(console.get());
        return true;
    }

    public Optional<AdminSession> session() {
        return Optional.ofNullable(session);
    }

    /** The "退出" button: logs out of a console, or leaves the PIN pad back to where the citizen was. */
    public void exit() {
        if (session != null) {
            close(Exit.BUTTON);
        } else {
            navigator.back();
        }
    }

    private void idleExpired() {
        if (session != null) {
            close(Exit.IDLE);
        } else if (navigator.current() instanceof AdminScreen) {
            // A PIN pad nobody used: whoever opened it left, so the citizen session ends as after citizen idle.
            wipeCitizen.run();
        }
    }

    private void close(Exit why) {
        if (session == null) {
            return;
        }
        AdminSession closing = session;
        session = null;
        audit.record(closing.actor(), "admin.logout", Outcome.SUCCESS, why.name().toLowerCase() + " after "
                + Duration.between(closing.started(), clock.instant()).toSeconds() + " s");
        wipeCitizen.run();
    }
}
