package org.bianmin.protocol.api;

import java.util.regex.Pattern;

/**
 * An operator registers a kiosk by sending {@code {"kioskId": …}}; the answer adds its bearer token, shown this
 * once (the portal keeps only a hash).
 */
public record KioskCredential(String kioskId, String token) {

    private static final Pattern KIOSK_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{2,39}$");

    public static boolean validKioskId(String kioskId) {
        return kioskId != null && KIOSK_ID.matcher(kioskId).matches();
    }
}
