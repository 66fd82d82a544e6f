package org.bianmin.device.printer;

import java.util.Arrays;

/**
 * The ESC/POS command subset the kiosk emits, as exact byte sequences. Every method returns a fresh array; the
 * virtual printer's decoder understands exactly these.
 */
public final class EscPos {

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** Largest data block one {@code GS ( k} store command can carry (pL pH count 3 header bytes). */
    public static final int QR_MAX_DATA = 65_535 - 3;

    private EscPos() {}

    public enum Align { LEFT, CENTER, RIGHT }

    /** QR error correction level; the byte is function 169's n. */
    public enum QrErrorLevel {
        L(48), M(49), Q(50), H(51);

        public final int code;

        QrErrorLevel(int code) {
            this.code = code;
        }

        public static QrErrorLevel ofCode(int code) {
            for (QrErrorLevel l : values()) {
                if (l.code == code) {
                    return l;
                }
            }
            throw new IllegalArgumentException("no QR error level with code " + code);
        }
    }

    public static byte[] init() {
        return new byte[] {ESC, '@'};
    }

    public static byte[] align(Align align) {
        return new byte[] {ESC, 'a', (byte) align.ordinal()};
    }

    public static byte[] bold(boolean on) {
        return new byte[] {ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** {@code GS ! n}: width and height multipliers 1–8. */
    public static byte[] size(int width, int height) {
        checkRange("width", width, 1, 8);
        checkRange("height", height, 1, 8);
        return new byte[] {GS, '!', (byte) (((width - 1) << 4) | (height - 1))};
    }

    public static byte[] feed(int lines) {
        checkRange("lines", lines, 0, 255);
        return new byte[] {ESC, 'd', (byte) lines};
    }

    /** {@code GS V 1}: partial cut, leaving a hinge so the receipt does not fall on the floor. */
    public static byte[] cut() {
        return new byte[] {GS, 'V', 1};
    }

    public static byte[] chineseModeOn() {
        return new byte[] {FS, '&'};
    }

    public static byte[] chineseModeOff() {
        return new byte[] {FS, '.'};
    }

    /** {@code DLE EOT n}, n = 1 printer, 2 offline cause, 4 roll paper sensor. */
    public static byte[] statusRequest(int n) {
        if (n != 1 && n != 2 && n != 4) {
            throw new IllegalArgumentException("DLE EOT supports n = 1, 2, 4, not " + n);
        }
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** Function 165: QR model 2. */
    public static byte[] qrModel2() {
        return new byte[] {GS, '(', 'k', 4, 0, 49, 65, 50, 0};
    }

    /** Function 167: module size in dots (1–16). */
    public static byte[] qrModuleSize(int dots) {
        checkRange("module size", dots, 1, 16);
        return new byte[] {GS, '(', 'k', 3, 0, 49, 67, (byte) dots};
    }

    /** Function 169: error correction level. */
    public static byte[] qrErrorLevel(QrErrorLevel level) {
        return new byte[] {GS, '(', 'k', 3, 0, 49, 69, (byte) level.code};
    }

    /** Function 180: store the symbol data. */
    public static byte[] qrStore(byte[] data) {
        if (data.length == 0 || data.length > QR_MAX_DATA) {
            throw new IllegalArgumentException("QR data must be 1.." + QR_MAX_DATA + " bytes, was " + data.length);
        }
        int len = data.length + 3;
        byte[] out = new byte[8 + data.length];
        byte[] head = {GS, '(', 'k', (byte) len, (byte) (len >>> 8), 49, 80, 48};
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    /** Function 181: print the stored symbol. */
    public static byte[] qrPrint() {
        return new byte[] {GS, '(', 'k', 3, 0, 49, 81, 48};
    }

    /**
     * {@code GS v 0 0 xL xH yL yH d…}: one raster band, {@code widthBytes} bytes per row, MSB = leftmost dot.
     */
    public static byte[] rasterBand(int widthBytes, int rows, byte[] bits) {
        checkRange("width bytes", widthBytes, 1, 65_535);
        checkRange("rows", rows, 1, 65_535);
        if (bits.length != widthBytes * rows) {
            throw new IllegalArgumentException("raster data is " + bits.length + " bytes, expected "
                    + widthBytes * rows);
        }
        byte[] head = {GS, 'v', '0', 0, (byte) widthBytes, (byte) (widthBytes >>> 8), (byte) rows, (byte) (rows >>> 8)};
        byte[] out = Arrays.copyOf(head, head.length + bits.length);
        System.arraycopy(bits, 0, out, head.length, bits.length);
        return out;
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
