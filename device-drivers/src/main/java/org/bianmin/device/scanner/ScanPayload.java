package org.bianmin.device.scanner;

import java.net.URI;

/** A scanned code, classified. {@code toString()} never shows an e-ID token in full. */
public sealed interface ScanPayload {

    /** The raw text as scanned. */
    String text();

    /** A receipt this kiosk printed: its receipt number (bare, or inside the tracking URL). */
    record ReceiptCode(String receiptNumber, String text) implements ScanPayload {}

    /**
     * A provincial e-ID / 亮证 / CTID code: an opaque, time-stamped token only its issuing platform can verify (the
     * portal does); the kiosk cannot read identity from it.
     */
    record EidToken(String text) implements ScanPayload {
        @Override
        public String toString() {
            return "EidToken[" + text.length() + " chars, " + text.substring(0, Math.min(4, text.length())) + "…]";
        }
    }

    record Url(URI uri, String text) implements ScanPayload {}

    record Other(String text) implements ScanPayload {}
}
