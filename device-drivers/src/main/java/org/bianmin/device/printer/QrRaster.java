package org.bianmin.device.printer;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 1-bit image (MSB = leftmost dot, rows padded to whole bytes) for {@code GS v 0}, and QR codes rendered into
 * one with ZXing for printers without native QR.
 */
public record QrRaster(int widthDots, int heightDots, byte[] bits) {

    /** Quiet zone around the symbol, in modules (the QR spec asks for 4; thermal paper edges give 2 more). */
    static final int QUIET_ZONE = 2;

    public QrRaster {
        if (widthDots < 1 || heightDots < 1 || bits.length != bytesPerRow(widthDots) * heightDots) {
            throw new IllegalArgumentException("raster size and data length disagree");
        }
    }

    /** Records compare arrays by identity; images compare by their dots. */
    @Override
    public boolean equals(Object o) {
        return o instanceof QrRaster r && r.widthDots == widthDots && r.heightDots == heightDots
                && java.util.Arrays.equals(r.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * widthDots + heightDots) + java.util.Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "QrRaster[" + widthDots + "x" + heightDots + "]";
    }

    static int bytesPerRow(int widthDots) {
        return (widthDots + 7) / 8;
    }

    public int bytesPerRow() {
        return bytesPerRow(widthDots);
    }

    public boolean dot(int x, int y) {
        return (bits[y * bytesPerRow() + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    /** Encodes {@code payload} (UTF-8) as a QR symbol, {@code moduleDots} dots per module. */
    public static QrRaster render(String payload, int moduleDots, EscPos.QrErrorLevel level) {
        ByteMatrix m;
        try {
            m = Encoder.encode(payload, ErrorCorrectionLevel.valueOf(level.name()),
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload does not fit in a QR code: " + e.getMessage(), e);
        }
        int modules = m.getWidth() + 2 * QUIET_ZONE;
        int size = modules * moduleDots;
        int rowBytes = bytesPerRow(size);
        byte[] bits = new byte[rowBytes * size];
        for (int y = 0; y < size; y++) {
            int my = y / moduleDots - QUIET_ZONE;
            for (int x = 0; x < size; x++) {
                int mx = x / moduleDots - QUIET_ZONE;
                if (mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my) == 1) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new QrRaster(size, size, bits);
    }

    /**
     * The image as {@code GS v 0} commands of at most {@code rowsPerBand} rows each: a printer's receive buffer
     * takes a band at a time, so a slow serial line never has to hold the whole image.
     */
    public List<byte[]> bands(int rowsPerBand) {
        if (rowsPerBand < 1) {
            throw new IllegalArgumentException("rows per band must be positive");
        }
        List<byte[]> out = new ArrayList<>();
        int rowBytes = bytesPerRow();
        for (int y = 0; y < heightDots; y += rowsPerBand) {
            int rows = Math.min(rowsPerBand, heightDots - y);
            byte[] band = new byte[rows * rowBytes];
            System.arraycopy(bits, y * rowBytes, band, 0, band.length);
            out.add(EscPos.rasterBand(rowBytes, rows, band));
        }
        return out;
    }
}
