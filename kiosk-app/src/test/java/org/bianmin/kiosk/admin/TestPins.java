package org.bianmin.kiosk.admin;

import java.security.SecureRandom;
import org.bianmin.kiosk.config.AdminConfig;

/**
 * Stored PINs at the least cost config.json accepts: the entry logic does not depend on the PBKDF2 cost, and
 * PinsTest uses the real one.
 */
public final class TestPins {


    private TestPins() {}

    public static AdminConfig.StoredPin fast(String pin) {
        return Pins.hash(pin.toCharArray(), new SecureRandom(), AdminConfig.StoredPin.MIN_ITERATIONS);
    }
}
