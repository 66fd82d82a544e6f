package org.bianmin.device.transport;

/**
 * Line settings of a serial port. Both devices this module drives use 8 data bits, no parity, 1 stop bit; only the
 * speed varies (ID-card readers 115200, some configurable down to 9600; scanners usually 9600 or 115200).
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, ODD, EVEN }

    public SerialSettings {
        if (baud < 300 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud out of range: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5..8: " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2: " + stopBits);
        }
        java.util.Objects.requireNonNull(parity, "parity");
    }

    /** {@code baud} 8N1. */
    public static SerialSettings of8N1(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, 1);
    }

    /** Seconds the wire needs for {@code bytes} bytes (start + data + parity + stop bits per byte). */
    public double wireSeconds(int bytes) {
        int bitsPerByte = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        return (double) bytes * bitsPerByte / baud;
    }
}
