package org.bianmin.device.scanner;

import java.nio.charset.Charset;

/** The outcome of waiting for one scan. Bad input is a typed {@link Rejected}, never an exception. */
public sealed interface ScanResult {

    /** A good scan; {@code charset} is what the bytes were decoded as (UTF-8 or GBK; wedge input is UTF-16). */
    record Scanned(ScanPayload payload, Charset charset) implements ScanResult {}

    record Rejected(Reason reason, String detail) implements ScanResult {}

    /** Nothing was scanned before the timeout. */
    record NoScan() implements ScanResult {}

    /** The scanner could not be reached (port error) or the wait was cancelled. */
    record Failed(String code, String message) implements ScanResult {}

    enum Reason {
        EMPTY,
        /** Longer than the configured limit. */
        TOO_LONG,
        /** Contains control characters (a scanner in a wrong mode, or line noise). */
        CONTROL_CHARACTERS,
        /** Neither valid UTF-8 nor valid GBK. */
        BAD_ENCODING,
        /** A payload that stopped without its suffix. */
        PARTIAL
    }
}
