package org.bianmin.kiosk.admin;

import java.time.Instant;

/** What a PIN typed on the pad led to. */
public sealed interface PinAttempt {

    /** The PIN of {@code role}. */
    record Granted(AdminRole role) implements PinAttempt {}

    /** Not any role's PIN; {@code attemptsLeft} before the entry locks. */
    record Wrong(int attemptsLeft) implements PinAttempt {}

    /** The entry is locked (this attempt was not checked, or it was the last wrong one). */
    record Locked(Instant until) implements PinAttempt {}

    /** No role has a PIN on this kiosk: nothing can be entered until one is set. */
    record NoPinSet() implements PinAttempt {}
}
