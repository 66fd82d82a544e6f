package org.bianmin.device.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The drivers a device entry can name, with their default baud rate and the options they accept (each with a
 * check and a hint for the error message).
 */
public enum Driver {
    /** GA 450-style ID-card reader (SAM module), serial. */
    IDCARD("idcard", Kind.ID_CARD_READER, 115200, Map.of(
            "pollIntervalMs", Option.integer(50, 5000),
            "fingerprint", Option.bool(),
            "card", Option.text())),
    /** QR / barcode scanner in serial (USB CDC) mode. */
    SCANNER("scanner", Kind.SCANNER, 9600, Map.of(
            "suffix", Option.oneOf("NONE", "CR", "LF", "CRLF", "ETX"),
            "idleGapMs", Option.integer(20, 2000),
            "maxBytes", Option.integer(16, 65536))),
    /** QR / barcode scanner in keyboard-wedge (USB HID) mode: no port, the kiosk watches key events. */
    SCANNER_WEDGE("scanner-wedge", Kind.SCANNER, 0, Map.of(
            "suffix", Option.oneOf("NONE", "CR", "LF", "CRLF"),
            "maxKeyGapMs", Option.integer(5, 100),
            "minLength", Option.integer(2, 64))),
    /** ESC/POS thermal receipt printer, serial or network ({@code tcp:HOST:9100}). */
    PRINTER("printer", Kind.PRINTER, 115200, Map.of(
            "paperWidth", Option.oneOf("58", "80"),
            "chineseMode", Option.oneOf("FS_AMPERSAND", "RAW"),
            "nativeQr", Option.bool()));

    /** What a device is for; a device can change its driver only within its kind (the journey holds it). */
    public enum Kind { ID_CARD_READER, SCANNER, PRINTER }

    /** One accepted option: a check and what a valid value looks like. */
    public record Option(Predicate<String> valid, String expected) {
        static Option integer(int min, int max) {
            return new Option(v -> v.matches("[0-9]{1,9}") && Integer.parseInt(v) >= min
                    && Integer.parseInt(v) <= max, "an integer " + min + "-" + max);
        }

        static Option bool() {
            return new Option(v -> v.equals("true") || v.equals("false"), "true or false");
        }

        static Option text() {
            return new Option(v -> !v.isBlank(), "a non-empty string");
        }

        static Option oneOf(String... values) {
            return new Option(v -> Arrays.asList(values).contains(v.toUpperCase(Locale.ROOT)),
                    "one of " + String.join(", ", values));
        }
    }

    private final String configName;
    private final Kind kind;
    private final int defaultBaud;
    private final Map<String, Option> options;

    Driver(String configName, Kind kind, int defaultBaud, Map<String, Option> options) {
        this.configName = configName;
        this.kind = kind;
        this.defaultBaud = defaultBaud;
        this.options = options;
    }

    /** The name used in the JSON config. */
    public String configName() {
        return configName;
    }

    public Kind kind() {
        return kind;
    }

    public int defaultBaud() {
        return defaultBaud;
    }

    public Map<String, Option> options() {
        return options;
    }

    /** Whether this driver talks over a port (the wedge scanner does not). */
    public boolean usesPort() {
        return this != SCANNER_WEDGE;
    }

    public static Optional<Driver> ofConfigName(String name) {
        return Arrays.stream(values()).filter(d -> d.configName.equals(name)).findFirst();
    }

    public static String configNames() {
        return String.join(", ", Arrays.stream(values()).map(Driver::configName).toList());
    }
}
