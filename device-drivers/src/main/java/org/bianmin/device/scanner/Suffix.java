package org.bianmin.device.scanner;

import java.util.Arrays;

/** What a scanner appends to each payload in serial (CDC) mode; {@link #NONE} needs idle-gap framing. */
public enum Suffix {
    NONE(),
    CR('\r'),
    LF('\n'),
    CRLF('\r', '\n'),
    ETX(0x03);

    private final byte[] bytes;

    Suffix(int... bytes) {
        this.bytes = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            this.bytes[i] = (byte) bytes[i];
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code buffer[0, length)} ends with this suffix (never for {@link #NONE}). */
    boolean endsWith(byte[] buffer, int length) {
        if (bytes.length == 0 || length < bytes.length) {
            return false;
        }
        return Arrays.equals(buffer, length - bytes.length, length, bytes, 0, bytes.length);
    }

    int length() {
        return bytes.length;
    }
}
