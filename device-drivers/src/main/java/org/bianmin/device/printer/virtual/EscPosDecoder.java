package org.bianmin.device.printer.virtual;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.QrRaster;

/**
 * Streaming decoder for the ESC/POS subset {@link EscPosWriter} emits. Bytes may arrive split anywhere; an
 * incomplete command waits for more. Anything else becomes a {@link EscPosEvent.Rejected} event (the first byte is
 * skipped and decoding resumes), and every length is bounded, so garbage can neither throw nor exhaust memory.
 */
public final class EscPosDecoder {

    /** Longest text line we buffer before calling it garbage (a 80 mm line is 48 columns, ≤ 96 bytes). */
    static final int MAX_LINE_BYTES = 4096;
    /** A 80 mm head is 72 bytes wide; leave room for wider printers but bound the allocation. */
    static final int MAX_RASTER_ROW_BYTES = 256;
    /** One band's data; bounded so a garbage header cannot make us buffer megabytes. */
    static final int MAX_RASTER_BAND_BYTES = 64 * 1024;
    /** A version 40 QR symbol holds at most 2953 bytes; the kiosk stores data in byte mode. */
    static final int MAX_QR_DATA = 2953;

    private final ChineseMode mode;
    private byte[] buf = new byte[0];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private LineStyle lineStyle;

    private boolean chinese;
    private EscPos.Align align = EscPos.Align.LEFT;
    private boolean bold;
    private int widthMul = 1;
    private int heightMul = 1;
    private int qrModule = 3;
    private EscPos.QrErrorLevel qrLevel = EscPos.QrErrorLevel.M;
    private byte[] qrData;

    private record LineStyle(EscPos.Align align, boolean bold, int w, int h) {}

    /** Signals an incomplete command: wait for more bytes. */
    private static final class NeedMore extends Exception {
        NeedMore() {
            super(null, null, false, false);
        }
    }

    public EscPosDecoder(ChineseMode mode) {
        this.mode = mode;
    }

    /** Decodes a complete job strictly: the first garbage or a truncated command is an error. */
    public static List<EscPosEvent> decodeStrict(byte[] data, ChineseMode mode) throws EscPosFormatException {
        EscPosDecoder d = new EscPosDecoder(mode);
        List<EscPosEvent> events = d.feed(data, 0, data.length);
        for (EscPosEvent e : events) {
            if (e instanceof EscPosEvent.Rejected r) {
                throw new EscPosFormatException(r.reason());
            }
        }
        if (d.pendingBytes() > 0) {
            throw new EscPosFormatException("stream ends inside a command or an unterminated line ("
                    + d.pendingBytes() + " bytes pending)");
        }
        return events;
    }

    /** Bytes held back: an incomplete command or a line not yet ended by LF. */
    public int pendingBytes() {
        return buf.length + line.size();
    }

    public List<EscPosEvent> feed(byte[] data, int off, int len) {
        byte[] joined = Arrays.copyOf(buf, buf.length + len);
        System.arraycopy(data, off, joined, buf.length, len);
        List<EscPosEvent> out = new ArrayList<>();
        int pos = 0;
        while (pos < joined.length) {
            try {
                pos += step(joined, pos, out);
            } catch (NeedMore incomplete) {
                break;
            } catch (EscPosFormatException garbage) {
                out.add(new EscPosEvent.Rejected(garbage.getMessage(), joined[pos] & 0xFF));
                pos++;
            }
        }
        buf = Arrays.copyOfRange(joined, pos, joined.length);
        return out;
    }

    /** Decodes one command or text byte at {@code p}; returns the bytes consumed. */
    private int step(byte[] b, int p, List<EscPosEvent> out) throws NeedMore, EscPosFormatException {
        int c = b[p] & 0xFF;
        switch (c) {
            case 0x0A -> {
                endLine(out);
                return 1;
            }
            case 0x0D -> {
                return 1;
            }
            case 0x10 -> {
                need(b, p, 3);
                int n = b[p + 2];
                if (b[p + 1] != EscPos.EOT || (n != 1 && n != 2 && n != 4)) {
                    throw new EscPosFormatException(String.format("DLE %02X %02X is not DLE EOT 1/2/4",
                            b[p + 1] & 0xFF, n & 0xFF));
                }
                out.add(new EscPosEvent.StatusRequest(n));
                return 3;
            }
            case 0x1B -> {
                return esc(b, p, out);
            }
            case 0x1D -> {
                return gs(b, p, out);
            }
            case 0x1C -> {
                need(b, p, 2);
                switch (b[p + 1]) {
                    case '&' -> chinese = true;
                    case '.' -> chinese = false;
                    default -> throw new EscPosFormatException(String.format("unknown FS %02X", b[p + 1] & 0xFF));
                }
                return 2;
            }
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    throw new EscPosFormatException(String.format("unexpected control byte %02X", c));
                }
                if (line.size() == 0) {
                    lineStyle = new LineStyle(align, bold, widthMul, heightMul);
                }
                if (line.size() >= MAX_LINE_BYTES) {
                    line.reset();
                    throw new EscPosFormatException("text line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line.write(c);
                return 1;
            }
        }
    }

    private int esc(byte[] b, int p, List<EscPosEvent> out) throws NeedMore, EscPosFormatException {
        need(b, p, 2);
        int cmd = b[p + 1];
        if (cmd == '@') {
            align = EscPos.Align.LEFT;
            bold = false;
            widthMul = 1;
            heightMul = 1;
            chinese = false;
            line.reset();
            out.add(new EscPosEvent.Init());
            return 2;
        }
        need(b, p, 3);
        int n = b[p + 2] & 0xFF;
        switch (cmd) {
            case 'a' -> {
                int a = n >= '0' ? n - '0' : n;
                if (a > 2) {
                    throw new EscPosFormatException("ESC a " + n + ": alignment must be 0..2");
                }
                align = EscPos.Align.values()[a];
            }
            case 'E' -> bold = (n & 1) != 0;
            case 'd' -> {
                flushPartialLine(out);
                out.add(new EscPosEvent.Feed(n));
            }
            default -> throw new EscPosFormatException(String.format("unknown ESC %02X", cmd & 0xFF));
        }
        return 3;
    }

    private int gs(byte[] b, int p, List<EscPosEvent> out) throws NeedMore, EscPosFormatException {
        need(b, p, 2);
        int cmd = b[p + 1];
        switch (cmd) {
            case '!' -> {
                need(b, p, 3);
                widthMul = ((b[p + 2] >> 4) & 0x07) + 1;
                heightMul = (b[p + 2] & 0x07) + 1;
                return 3;
            }
            case 'V' -> {
                need(b, p, 3);
                int m = b[p + 2] & 0xFF;
                if (m == 65 || m == 66) {
                    need(b, p, 4);
                    flushPartialLine(out);
                    out.add(new EscPosEvent.Cut());
                    return 4;
                }
                if (m > 1 && m != 48 && m != 49) {
                    throw new EscPosFormatException("GS V " + m + ": unknown cut mode");
                }
                flushPartialLine(out);
                out.add(new EscPosEvent.Cut());
                return 3;
            }
            case '(' -> {
                return qr(b, p, out);
            }
            case 'v' -> {
                return raster(b, p, out);
            }
            default -> throw new EscPosFormatException(String.format("unknown GS %02X", cmd & 0xFF));
        }
    }

    private int qr(byte[] b, int p, List<EscPosEvent> out) throws NeedMore, EscPosFormatException {
        need(b, p, 3);
        if (b[p + 2] != 'k') {
            throw new EscPosFormatException(String.format("unknown GS ( %02X", b[p + 2] & 0xFF));
        }
        need(b, p, 7);
        int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
        int cn = b[p + 5] & 0xFF;
        int fn = b[p + 6] & 0xFF;
        if (cn != 49) {
            throw new EscPosFormatException("GS ( k symbol type " + cn + " is not QR (49)");
        }
        if (len < 3) {
            throw new EscPosFormatException("GS ( k length " + len + " too short");
        }
        if (len > MAX_QR_DATA + 3) {
            throw new EscPosFormatException("GS ( k length " + len + " exceeds a QR symbol");
        }
        need(b, p, 5 + len);
        int arg = b[p + 7] & 0xFF;
        switch (fn) {
            case 65 -> {
                if (len != 4 || arg != 50) {
                    throw new EscPosFormatException("GS ( k fn 165: only model 2 is supported");
                }
            }
            case 67 -> {
                if (arg < 1 || arg > 16) {
                    throw new EscPosFormatException("GS ( k fn 167: module size " + arg + " outside 1..16");
                }
                qrModule = arg;
            }
            case 69 -> {
                try {
                    qrLevel = EscPos.QrErrorLevel.ofCode(arg);
                } catch (IllegalArgumentException e) {
                    throw new EscPosFormatException("GS ( k fn 169: " + e.getMessage());
                }
            }
            case 80 -> qrData = Arrays.copyOfRange(b, p + 8, p + 5 + len);
            case 81 -> {
                if (qrData == null) {
                    throw new EscPosFormatException("GS ( k fn 181: print without stored data");
                }
                flushPartialLine(out);
                out.add(new EscPosEvent.QrCode(new String(qrData, StandardCharsets.UTF_8), qrModule, qrLevel, align));
            }
            default -> throw new EscPosFormatException("GS ( k function " + (fn + 100) + " is not supported");
        }
        return 5 + len;
    }

    private int raster(byte[] b, int p, List<EscPosEvent> out) throws NeedMore, EscPosFormatException {
        need(b, p, 8);
        int m = b[p + 3] & 0xFF;
        if (b[p + 2] != '0' || !(m <= 3 || m >= '0' && m <= '3')) {
            throw new EscPosFormatException("malformed GS v 0 header");
        }
        int xBytes = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
        int rows = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
        if (xBytes < 1 || xBytes > MAX_RASTER_ROW_BYTES || rows < 1 || xBytes * rows > MAX_RASTER_BAND_BYTES) {
            throw new EscPosFormatException("GS v 0 size " + xBytes + " bytes × " + rows + " rows out of range");
        }
        need(b, p, 8 + xBytes * rows);
        flushPartialLine(out);
        byte[] bits = Arrays.copyOfRange(b, p + 8, p + 8 + xBytes * rows);
        out.add(new EscPosEvent.Raster(new QrRaster(xBytes * 8, rows, bits), align));
        return 8 + xBytes * rows;
    }

    private static void need(byte[] b, int p, int n) throws NeedMore {
        if (b.length - p < n) {
            throw new NeedMore();
        }
    }

    private void endLine(List<EscPosEvent> out) {
        LineStyle s = line.size() == 0 ? new LineStyle(align, bold, widthMul, heightMul) : lineStyle;
        out.add(new EscPosEvent.TextLine(decodeText(line.toByteArray()), s.align(), s.bold(), s.w(), s.h()));
        line.reset();
    }

    /** A command that prints (image, QR, cut, feed) first prints any text still in the line buffer. */
    private void flushPartialLine(List<EscPosEvent> out) {
        if (line.size() > 0) {
            endLine(out);
        }
    }

    private String decodeText(byte[] bytes) {
        if (chinese || mode == ChineseMode.RAW) {
            return new String(bytes, EscPosWriter.GB18030);
        }
        // Outside Chinese mode a FS & printer prints single-byte code page glyphs: show them as unreadable.
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
