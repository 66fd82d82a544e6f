package org.bianmin.kiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Watches for a citizen who walked away: after {@code idle} without input (longer in elder mode) a countdown
 * starts; when it runs out the session ends. It only counts while the kiosk is in use: an empty kiosk is left
 * alone. Time comes in through {@link #tick}, so tests drive it with any clock and production with a one-second
 * timeline.
 */
public final class IdleMonitor {

    /** Countdown value when no countdown is running. */
    public static final int NOT_COUNTING = -1;

    private final Duration idle;
    private final Duration elderIdle;
    private final Duration countdown;
    private final BooleanSupplier elderMode;
    private final Runnable onExpired;
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(NOT_COUNTING);
    private Instant lastInput;

    public IdleMonitor(Duration idle, Duration elderIdle, Duration countdown, BooleanSupplier elderMode,
                       Instant now, Runnable onExpired) {
        this.idle = idle;
        this.elderIdle = elderIdle;
        this.countdown = countdown;
        this.elderMode = elderMode;
        this.onExpired = onExpired;
        this.lastInput = now;
    }

    /** Any touch, click or key: the citizen is still here. */
    public void input(Instant now) {
        lastInput = now;
        secondsLeft.set(NOT_COUNTING);
    }

    /** A clock tick for a screen that is in use whenever it shows (the admin console). */
    public void tick(Instant now) {
        tick(now, true);
    }

    /**
     * A clock tick. While nobody is using the kiosk ({@code inUse} false) there is nobody to ask "still there?" and
     * no session to end: no countdown, and the quiet time starts over, so it counts from when a visit began (a scan
     * can begin one without a touch) rather than from a touch long before.
     */
    public void tick(Instant now, boolean inUse) {
        if (!inUse) {
            lastInput = now;
            secondsLeft.set(NOT_COUNTING);
            return;
        }
        Duration quiet = Duration.between(lastInput, now);
        Duration limit = elderMode.getAsBoolean() ? elderIdle : idle;
        if (quiet.compareTo(limit) < 0) {
            secondsLeft.set(NOT_COUNTING);
            return;
        }
        Duration left = countdown.minus(quiet.minus(limit));
        if (left.isNegative() || left.isZero()) {
            secondsLeft.set(NOT_COUNTING);
            lastInput = now;
            onExpired.run();
        } else {
            secondsLeft.set((int) Math.ceil(left.toMillis() / 1000.0));
        }
    }

    /** Seconds until the session ends, or {@link #NOT_COUNTING}. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }
}
