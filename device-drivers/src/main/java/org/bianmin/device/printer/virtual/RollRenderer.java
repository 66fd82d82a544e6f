package org.bianmin.device.printer.virtual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bianmin.device.font.FontFace;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.ReceiptFonts;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.QrRaster;
import org.bianmin.device.printer.TextLayout;

/**
 * Draws a transcript the way a 203 dpi thermal head would: 12×24-dot ASCII cells, 24×24 Chinese cells, 30-dot line
 * pitch, images dot for dot. Each character is drawn in the face the kiosk's font resolution picks for it
 * ({@link ReceiptFonts}, the same as the PDF's); AWT's logical SansSerif only when no face has it.
 *
 * <p>Bounded whatever the job: a real printer feeds paper, it does not allocate it, so the image is at most
 * {@value #MAX_ROLL_DOTS} dots (2 m) long; a feed longer than {@value #MAX_DRAWN_FEED_LINES} lines is drawn
 * shortened with a note of its real length; at most {@value #MAX_QR_CODES} QR symbols are encoded per roll; text is
 * drawn only up to the paper's edge. What does not fit is not drawn and the roll says so in red at its end, so the
 * work per roll is bounded by its size, not by the job's.
 */
public final class RollRenderer {

    static final int CELL_W = 12;
    static final int CELL_H = 24;
    static final int LINE_PITCH = 30;
    static final int MARGIN = 8;
    /** 2 m of paper at 8 dots/mm: ten times the longest receipt, and a 9.5 MB image at most. */
    static final int MAX_ROLL_DOTS = 16_000;
    /** A longer feed is blank paper: drawn this long, with its real length written in it. */
    static final int MAX_DRAWN_FEED_LINES = 4;
    /** A receipt has one or two; each costs an encode, so a job of thousands must not cost thousands. */
    static final int MAX_QR_CODES = 16;

    private static final int DOTS_PER_MM = 8;
    /** Bit 1 is a burnt dot (black), as in ESC/POS raster data. */
    private static final IndexColorModel INK = new IndexColorModel(1, 2, new byte[] {-1, 0}, new byte[] {-1, 0},
            new byte[] {-1, 0});

    private final PaperWidth paper;
    private final Font font;
    private final Map<FontFace, Font> faces = new HashMap<>();
    private final Optional<ReceiptFonts> fonts;

    /** With this machine's fonts ({@link SystemFonts}). */
    public RollRenderer(PaperWidth paper) {
        this(paper, SystemFonts.resolution());
    }

    public RollRenderer(PaperWidth paper, FontResolution resolution) {
        this.paper = paper;
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        this.fonts = resolution instanceof FontResolution.Usable u ? Optional.of(u.fonts()) : Optional.empty();
        fonts.ifPresent(set -> set.faces().forEach(f -> faces.put(f, f.awt().deriveFont(Font.PLAIN, 22f))));
    }

    private Font fontFor(int codePoint) {
        return fonts.flatMap(set -> set.faceFor(codePoint)).map(faces::get).orElse(font);
    }

    public BufferedImage render(List<EscPosEvent> elements) {
        Layout layout = layout(elements);
        int height = layout.end() + (layout.omitted() > 0 ? LINE_PITCH : 0) + MARGIN;
        BufferedImage img = new BufferedImage(paper.dots + 2 * MARGIN, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Placed p : layout.placed()) {
                draw(g, p);
            }
            if (layout.omitted() > 0) {
                note(g, Color.RED, "[roll cut off: " + layout.omitted() + " more elements not drawn; the virtual roll "
                        + "keeps " + MAX_ROLL_DOTS / DOTS_PER_MM + " mm]", layout.end());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One element at its place on the roll; {@code image} is its dots when it is a QR code or a raster. */
    private record Placed(EscPosEvent event, int y, QrRaster image) {}

    /** What fits on the roll, where its drawn part ends, and how many elements did not fit. */
    private record Layout(List<Placed> placed, int end, int omitted) {}

    /** Places elements until the roll is full; each QR symbol is encoded once, and at most {@value #MAX_QR_CODES}. */
    private Layout layout(List<EscPosEvent> elements) {
        List<Placed> placed = new ArrayList<>();
        int y = MARGIN;
        int qrCodes = 0;
        for (int i = 0; i < elements.size(); i++) {
            EscPosEvent e = elements.get(i);
            QrRaster image = null;
            if (e instanceof EscPosEvent.Raster r) {
                image = r.image();
            } else if (e instanceof EscPosEvent.QrCode q && qrCodes++ < MAX_QR_CODES) {
                image = qrImage(q);
            }
            int h = image != null ? image.heightDots() : heightOf(e);
            if (y + h > MARGIN + MAX_ROLL_DOTS) {
                return new Layout(placed, y, elements.size() - i);
            }
            placed.add(new Placed(e, y, image));
            y += h;
        }
        return new Layout(placed, y, 0);
    }
    public void writePng(List<EscPosEvent> elements, Path file) throws IOException {
        ImageIO.write(render(elements), "png", file.toFile());
    }

    private int heightOf(EscPosEvent e) {
        return switch (e) {
            case EscPosEvent.TextLine l -> LINE_PITCH * l.heightMultiplier();
            case EscPosEvent.QrCode q -> LINE_PITCH; // one not encoded: its note
            case EscPosEvent.Raster r -> r.image().heightDots();
            case EscPosEvent.Feed f -> LINE_PITCH * Math.min(f.lines(), MAX_DRAWN_FEED_LINES);
            case EscPosEvent.Cut c -> LINE_PITCH;
            case EscPosEvent.Rejected r -> LINE_PITCH;
            case EscPosEvent.Init i -> 0;
            case EscPosEvent.StatusRequest s -> 0;
        };
    }

    private void draw(Graphics2D g, Placed p) {
        int y = p.y();
        switch (p.event()) {
            case EscPosEvent.TextLine l -> drawText(g, l, y);
            case EscPosEvent.QrCode q when p.image() == null ->
                    note(g, Color.RED, "[QR code not drawn: more than " + MAX_QR_CODES + " on one roll]", y);
            case EscPosEvent.QrCode q -> drawImage(g, p.image(), q.align(), y);
            case EscPosEvent.Raster r -> drawImage(g, p.image(), r.align(), y);
            case EscPosEvent.Feed f when f.lines() > MAX_DRAWN_FEED_LINES -> note(g, Color.GRAY, "[fed " + f.lines()
                    + " lines, " + f.lines() * LINE_PITCH / DOTS_PER_MM + " mm of blank paper]", y);
            case EscPosEvent.Cut c -> {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6},
                        0));
                g.drawLine(0, y + LINE_PITCH / 2, paper.dots + 2 * MARGIN, y + LINE_PITCH / 2);
            }
            case EscPosEvent.Rejected r -> note(g, Color.RED, "[rejected: " + r.reason() + "]", y);
            default -> { }
        }
    }

    /** The virtual printer's own remarks on the roll: small, coloured, one line. */
    private void note(Graphics2D g, Color colour, String text, int y) {
        g.setColor(colour);
        g.setFont(font.deriveFont(14f));
        g.drawString(text, MARGIN, y + CELL_H);
    }

    private void drawText(Graphics2D g, EscPosEvent.TextLine l, int y) {
        int cellW = CELL_W * l.widthMultiplier();
        int lineDots = TextLayout.width(l.text()) * cellW;
        int x = MARGIN + offset(l.align(), lineDots);
        AffineTransform scale = AffineTransform.getScaleInstance(l.widthMultiplier(), l.heightMultiplier());
        g.setColor(Color.BLACK);
        int baseline = y + (CELL_H - 4) * l.heightMultiplier();
        int edge = MARGIN + paper.dots;
        for (int cp : l.text().codePoints().toArray()) {
            if (x >= edge) {
                break; // nothing past the paper's edge shows: a 4 KB garbage line costs one line of glyphs
            }
            g.setFont(fontFor(cp).deriveFont(l.bold() ? Font.BOLD : Font.PLAIN).deriveFont(scale));
            java.awt.FontMetrics fm = g.getFontMetrics();
            String glyph = Character.toString(cp);
            int cell = TextLayout.width(cp) * cellW;
            int advance = fm.stringWidth(glyph);
            if (advance > cell) {
                // A fixed-pitch head has no room for a wide glyph (m, W): squeeze it into its cell.
                AffineTransform saved = g.getTransform();
                g.translate(x, baseline);
                g.scale((double) cell / advance, 1);
                g.drawString(glyph, 0, 0);
                g.setTransform(saved);
            } else {
                g.drawString(glyph, x, baseline);
            }
            x += cell;
        }
    }

    /** Dots as a 1-bit image, drawn in one call: a 64 KB band costs one blit, not half a million rectangles. */
    private void drawImage(Graphics2D g, QrRaster image, EscPos.Align align, int y) {
        BufferedImage dots = new BufferedImage(image.widthDots(), image.heightDots(), BufferedImage.TYPE_BYTE_BINARY,
                INK);
        byte[] data = ((DataBufferByte) dots.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.bits(), 0, data, 0, data.length);
        g.drawImage(dots, MARGIN + offset(align, image.widthDots()), y, null);
    }

    private int offset(EscPos.Align align, int contentDots) {
        int free = Math.max(0, paper.dots - contentDots);
        return switch (align) {
            case LEFT -> 0;
            case CENTER -> free / 2;
            case RIGHT -> free;
        };
    }

    private static QrRaster qrImage(EscPosEvent.QrCode q) {
        return QrRaster.render(q.payload(), q.moduleDots(), q.level());
    }
}
