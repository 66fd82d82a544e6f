package org.bianmin.device.printer.virtual;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.device.printer.QrRaster;

/**
 * What came out of the virtual printer, in order: text lines, QR codes, images, feeds, cuts and rejected bytes.
 * Raster bands sent one after another are joined back into the image they came from (up to the roll's
 * {@link RollRenderer#MAX_ROLL_DOTS} rows per image), once, when the elements are read: joining on every band copied
 * the growing image each time, quadratic in a job of thin bands.
 */
public final class Transcript {

    private final List<EscPosEvent> elements = new ArrayList<>();

    public static Transcript of(List<EscPosEvent> events) {
        Transcript t = new Transcript();
        events.forEach(t::add);
        return t;
    }

    public synchronized void add(EscPosEvent e) {
        switch (e) {
            case EscPosEvent.StatusRequest ignored -> { }
            case EscPosEvent.Init ignored -> { }
            default -> elements.add(e);
        }
    }

    public synchronized List<EscPosEvent> elements() {
        List<EscPosEvent> out = new ArrayList<>();
        List<QrRaster> bands = new ArrayList<>();
        EscPosEvent.Raster first = null;
        int rows = 0;
        for (EscPosEvent e : elements) {
            if (first != null && !(e instanceof EscPosEvent.Raster r && r.align() == first.align()
                    && r.image().widthDots() == first.image().widthDots()
                    && rows + r.image().heightDots() <= RollRenderer.MAX_ROLL_DOTS)) {
                out.add(new EscPosEvent.Raster(join(bands, rows), first.align()));
                bands.clear();
                first = null;
                rows = 0;
            }
            if (e instanceof EscPosEvent.Raster r) {
                first = first == null ? r : first;
                bands.add(r.image());
                rows += r.image().heightDots();
            } else {
                out.add(e);
            }
        }
        if (first != null) {
            out.add(new EscPosEvent.Raster(join(bands, rows), first.align()));
        }
        return List.copyOf(out);
    }

    /** The printed text, one line per line. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        for (EscPosEvent e : elements) {
            if (e instanceof EscPosEvent.TextLine l) {
                sb.append(l.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Payloads of every QR code, native or raster (raster images are read back with ZXing). */
    public synchronized List<String> qrPayloads() {
        List<String> out = new ArrayList<>();
        for (EscPosEvent e : elements()) {
            switch (e) {
                case EscPosEvent.QrCode q -> out.add(q.payload());
                case EscPosEvent.Raster r -> readQr(r.image()).ifPresent(out::add);
                default -> { }
            }
        }
        return out;
    }

    public synchronized long cuts() {
        return elements.stream().filter(e -> e instanceof EscPosEvent.Cut).count();
    }

    public synchronized List<EscPosEvent.Rejected> rejected() {
        return elements.stream().filter(e -> e instanceof EscPosEvent.Rejected)
                .map(e -> (EscPosEvent.Rejected) e).toList();
    }

    /** Bands of one width, top to bottom, as one image of {@code rows} rows. */
    private static QrRaster join(List<QrRaster> bands, int rows) {
        if (bands.size() == 1) {
            return bands.getFirst();
        }
        byte[] bits = new byte[bands.getFirst().bytesPerRow() * rows];
        int at = 0;
        for (QrRaster band : bands) {
            System.arraycopy(band.bits(), 0, bits, at, band.bits().length);
            at += band.bits().length;
        }
        return new QrRaster(bands.getFirst().widthDots(), rows, bits);
    }

    static Optional<String> readQr(QrRaster image) {
        LuminanceSource source = new LuminanceSource(image.widthDots(), image.heightDots()) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] r = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
                for (int x = 0; x < getWidth(); x++) {
                    r[x] = image.dot(x, y) ? 0 : (byte) 0xFF;
                }
                return r;
            }

            @Override
            public byte[] getMatrix() {
                byte[] m = new byte[getWidth() * getHeight()];
                for (int y = 0; y < getHeight(); y++) {
                    System.arraycopy(getRow(y, null), 0, m, y * getWidth(), getWidth());
                }
                return m;
            }
        };
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (ReaderException | RuntimeException notAQrCode) {
            // an image from garbage bytes may trip ZXing in unexpected ways: it is simply not a QR code
            return Optional.empty();
        }
    }
}
