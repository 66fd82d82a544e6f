package org.bianmin.protocol.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A kiosk asks the portal whose e-ID code (电子身份证 / 亮证 / CTID) it scanned. The token travels in the body,
 * never in a URL, so no access log holds it; it is opaque to the kiosk and only the issuing platform can tell.
 */
public record EidVerificationRequest(String kioskId, String token) {

    public static final int MAX_TOKEN = 2048;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kioskId == null || kioskId.isBlank()) {
            problems.add("kioskId: required");
        }
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            problems.add("token: 1-" + MAX_TOKEN + " characters required");
        }
        return problems;
    }
}
