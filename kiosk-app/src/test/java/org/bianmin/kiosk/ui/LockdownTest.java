package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class LockdownTest {

    @Test
    void keysThatLeaveTheKioskAreSwallowedAndOrdinaryKeysAreNot() {
        assertThat(Lockdown.isEscape(key(KeyCode.ESCAPE, false, false))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.F4, false, true))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.W, true, false))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.Q, true, false))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.F4, false, false))).isFalse();
        assertThat(Lockdown.isEscape(key(KeyCode.W, false, false))).isFalse();
        assertThat(Lockdown.isEscape(key(KeyCode.DIGIT1, false, false))).isFalse();
    }

    private static KeyEvent key(KeyCode code, boolean control, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, alt, false);
    }
}
