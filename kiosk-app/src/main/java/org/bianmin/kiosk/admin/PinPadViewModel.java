package org.bianmin.kiosk.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.kiosk.ui.Background;

/**
 * The PIN pad behind the hidden entry: digits go into a buffer that is never shown (only how many were typed),
 * checked off the FX thread, and wiped as soon as the check is done or the pad is left.
 */
public final class PinPadViewModel implements AdminScreen {

    private final AdminAccess access;
    private final Executor checks;
    private final Executor ui;
    private char[] typed = new char[0];
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Prompt> prompt = new ReadOnlyObjectWrapper<>();

    PinPadViewModel(AdminAccess access, Executor checks, Executor ui) {
        this.access = access;
        this.checks = checks;
        this.ui = ui;
        prompt.set(initialPrompt());
    }

    private Prompt initialPrompt() {
        if (access.lockedUntil().isPresent()) {
            return locked(access.lockedUntil().get());
        }
        if (access.rolesWithoutPin().size() == AdminRole.values().length) {
            return Prompt.of("admin.pin.noneSet");
        }
        return Prompt.of("admin.pin.prompt");
    }

    @Override
    public String titleKey() {
        return "admin.pin.title";
    }

    /** The hall's time zone, for "locked until" times. */
    public java.time.ZoneId zone() {
        return access.zone();
    }

    /** Roles that cannot be entered here: no PIN set for them. */
    public List<AdminRole> rolesWithoutPin() {
        return access.rolesWithoutPin();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public void digit(char d) {
        if (checking.get() || typed.length >= Pins.MAX_LENGTH || d < '0' || d > '9') {
            return;
        }
        char[] longer = Arrays.copyOf(typed, typed.length + 1);
        longer[typed.length] = d;
        wipe();
        typed = longer;
        length.set(typed.length);
    }

    public void backspace() {
        if (!checking.get() && typed.length > 0) {
            char[] shorter = Arrays.copyOf(typed, typed.length - 1);
            wipe();
            typed = shorter;
            length.set(typed.length);
        }
    }

    public void clear() {
        if (!checking.get()) {
            wipe();
        }
    }

    /** Checks the typed PIN; the pad is cleared at once and the answer arrives on the FX thread. */
    public void submit() {
        if (checking.get() || typed.length == 0) {
            return;
        }
        char[] pin = typed;
        typed = new char[0];
        length.set(0);
        checking.set(true);
        Background.run(checks, ui, () -> {
            try {
                return access.attempt(pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, this::answered, e -> {
            checking.set(false);
            prompt.set(Prompt.failed(e));
        });
    }

    private void answered(PinAttempt result) {
        checking.set(false);
        prompt.set(switch (result) {
            case PinAttempt.Granted(AdminRole role) -> access.open(role) ? prompt.get()
                    : Prompt.of("admin.pin.notInstalled", role);
            case PinAttempt.Wrong(int left) -> Prompt.of("admin.pin.wrong", left);
            case PinAttempt.Locked(Instant until) -> locked(until);
            case PinAttempt.NoPinSet n -> Prompt.of("admin.pin.noneSet");
        });
    }

    private static Prompt locked(Instant until) {
        return Prompt.of("admin.pin.locked", until);
    }

    private void wipe() {
        Arrays.fill(typed, '\0');
        typed = new char[0];
        length.set(0);
    }

    @Override
    public void leave() {
        wipe();
    }
}
