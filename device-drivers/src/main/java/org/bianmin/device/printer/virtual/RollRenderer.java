package org.bianmin.device.printer.virtual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
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
 */
public final class RollRenderer {

    static final int CELL_W = 12;
    static final int CELL_H = 24;
    static final int LINE_PITCH = 30;
    static final int MARGIN = 8;

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
        int height = MARGIN * 2;
        for (EscPosEvent e : elements) {
            height += heightOf(e);
        }
        BufferedImage img = new BufferedImage(paper.dots + 2 * MARGIN, Math.max(height, 1),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            for (EscPosEvent e : elements) {
                draw(g, e, y);
                y += heightOf(e);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    public void writePng(List<EscPosEvent> elements, Path file) throws IOException {
        ImageIO.write(render(elements), "png", file.toFile());
    }

    private int heightOf(EscPosEvent e) {
        return switch (e) {
            case EscPosEvent.TextLine l -> LINE_PITCH * l.heightMultiplier();
            case EscPosEvent.QrCode q -> qrImage(q).heightDots();
            case EscPosEvent.Raster r -> r.image().heightDots();
            case EscPosEvent.Feed f -> LINE_PITCH * f.lines();
            case EscPosEvent.Cut c -> LINE_PITCH;
            case EscPosEvent.Rejected r -> LINE_PITCH;
            case EscPosEvent.Init i -> 0;
            case EscPosEvent.StatusRequest s -> 0;
        };
    }

    private void draw(Graphics2D g, EscPosEvent e, int y) {
        switch (e) {
            case EscPosEvent.TextLine l -> drawText(g, l, y);
            case EscPosEvent.QrCode q -> drawImage(g, qrImage(q), q.align(), y);
            case EscPosEvent.Raster r -> drawImage(g, r.image(), r.align(), y);
            case EscPosEvent.Cut c -> {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6},
                        0));
                g.drawLine(0, y + LINE_PITCH / 2, paper.dots + 2 * MARGIN, y + LINE_PITCH / 2);
            }
            case EscPosEvent.Rejected r -> {
                g.setColor(Color.RED);
                g.setFont(font.deriveFont(14f));
                g.drawString("[rejected: " + r.reason() + "]", MARGIN, y + CELL_H);
            }
            default -> { }
        }
    }

    private void drawText(Graphics2D g, EscPosEvent.TextLine l, int y) {
        int cellW = CELL_W * l.widthMultiplier();
        int lineDots = TextLayout.width(l.text()) * cellW;
        int x = MARGIN + offset(l.align(), lineDots);
        AffineTransform scale = AffineTransform.getScaleInstance(l.widthMultiplier(), l.heightMultiplier());
        g.setColor(Color.BLACK);
        int baseline = y + (CELL_H - 4) * l.heightMultiplier();
        for (int cp : l.text().codePoints().toArray()) {
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

    private void drawImage(Graphics2D g, QrRaster image, EscPos.Align align, int y) {
        int x0 = MARGIN + offset(align, image.widthDots());
        g.setColor(Color.BLACK);
        for (int yy = 0; yy < image.heightDots(); yy++) {
            for (int xx = 0; xx < image.widthDots(); xx++) {
                if (image.dot(xx, yy)) {
                    g.fillRect(x0 + xx, y + yy, 1, 1);
                }
            }
        }
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
