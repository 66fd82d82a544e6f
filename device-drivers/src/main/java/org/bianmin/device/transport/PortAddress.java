package org.bianmin.device.transport;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a device is, parsed once from its config form (the {@code port} of {@code config.json}, a {@code --port}
 * option). {@link #parse} is the only code that reads port strings; {@link #toString()} gives the config form back,
 * so {@code parse(a.toString()).equals(a)} for every address.
 *
 * <p>Limits: at most {@link #MAX_LENGTH} characters, no control characters; hosts are names or IPv4 addresses
 * ({@code A-Z a-z 0-9 . -}, no IPv6); TCP ports 1–65535; USB ids are 4 hex digits (printed back in lower case).
 */
public sealed interface PortAddress {

    /** Longer than any real path (Linux PATH_MAX is 4096), so a runaway string is refused before it is used. */
    int MAX_LENGTH = 4096;

    /** A serial device by absolute path: best {@code /dev/serial/by-id/…}; a socat pty link works too. */
    record Serial(String path) implements PortAddress {
        public Serial {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** A USB serial adapter by vendor and product id (and serial number when several are plugged in). */
    record Usb(int vendorId, int productId, Optional<String> serialNumber) implements PortAddress {
        public Usb {
            Objects.requireNonNull(serialNumber, "serialNumber");
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "usb:%04x:%04x", vendorId, productId)
                    + serialNumber.map(s -> ":" + s).orElse("");
        }
    }

    /** A network device or serial-to-Ethernet converter ({@code tcp:HOST:PORT}, port 9100 style). */
    record Tcp(String host, int port) implements PortAddress {
        public Tcp {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** The built-in simulator ({@code sim:}). */
    record Simulated() implements PortAddress {
        @Override
        public String toString() {
            return "sim:";
        }
    }

    /** Why a port string is not an address; the exception's message names it and the text. */
    enum Problem { EMPTY, TOO_LONG, CONTROL_CHARACTER, UNKNOWN_FORM, BAD_HOST, BAD_TCP_PORT, BAD_USB_ID }

    /** A port string that is not an address. */
    final class InvalidPortException extends Exception {
        private final Problem problem;

        InvalidPortException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The one parser of port strings: an address, or the typed reason it is none. */
    static PortAddress parse(String text) throws InvalidPortException {
        if (text == null || text.isEmpty()) {
            throw new InvalidPortException(Problem.EMPTY, "no port given");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidPortException(Problem.TOO_LONG,
                    "a port is at most " + MAX_LENGTH + " characters, was " + text.length());
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPortException(Problem.CONTROL_CHARACTER, "a port has no control characters");
        }
        if (text.equals("sim:")) {
            return new Simulated();
        }
        if (text.startsWith("tcp:")) {
            return tcp(text);
        }
        if (text.startsWith("usb:")) {
            return usb(text);
        }
        if (text.startsWith("/") && text.length() > 1) {
            return new Serial(text);
        }
        throw new InvalidPortException(Problem.UNKNOWN_FORM, "an absolute path (best "
                + "/dev/serial/by-id/…), usb:VVVV:PPPP[:SERIAL], tcp:HOST:PORT or sim:, was " + text);
    }

    private static Tcp tcp(String text) throws InvalidPortException {
        int colon = text.lastIndexOf(':');
        String host = colon > 4 ? text.substring(4, colon) : "";
        if (!host.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new InvalidPortException(Problem.BAD_HOST, "tcp:HOST:PORT needs a host name or IPv4 address, was "
                    + text);
        }
        String number = text.substring(colon + 1);
        int port = number.matches("[0-9]{1,5}") ? Integer.parseInt(number) : -1;
        if (port < 1 || port > 65535) {
            throw new InvalidPortException(Problem.BAD_TCP_PORT, "tcp:HOST:PORT needs a port 1-65535, was " + text);
        }
        return new Tcp(host, port);
    }

    private static Usb usb(String text) throws InvalidPortException {
        String[] parts = text.split(":", 4);
        if (parts.length < 3 || !usbId(parts[1]) || !usbId(parts[2])
                || parts.length == 4 && parts[3].isEmpty()) {
            throw new InvalidPortException(Problem.BAD_USB_ID,
                    "usb:VVVV:PPPP[:SERIAL] needs 4-digit hex vendor and product ids, was " + text);
        }
        return new Usb(HexFormat.fromHexDigits(parts[1]), HexFormat.fromHexDigits(parts[2]),
                parts.length == 4 ? Optional.of(parts[3]) : Optional.empty());
    }

    /** A USB vendor or product id: 4 hex digits. */
    private static boolean usbId(String text) {
        return text.matches("[0-9a-fA-F]{4}");
    }
}
