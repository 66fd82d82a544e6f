package org.bianmin.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bianmin.device.font.FontFace;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.ReceiptFonts;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders a receipt as a one-page PDF with OpenPDF: A4 for the hall's printers and e-mail, or an 80 mm wide roll
 * page as long as the receipt. Text is set in the kiosk's resolved font set ({@link ReceiptFonts}): each character
 * in the first face that has it, so Droid Sans Fallback's missing Latin comes from the Latin face. Every face is
 * embedded as a subset (only the glyphs used), so the file shows the same on any reader; the tracking QR code is a
 * ZXing image. A receipt with a character no face has is refused, never printed with a hole.
 */
public final class ReceiptPdf {

    public enum PageFormat {
        A4(PageSize.A4, 56, 16f, 10.5f, 130f),
        ROLL_80MM(new Rectangle(mm(80), mm(600)), 10, 12f, 8.5f, 110f);

        final Rectangle size;
        final float margin;
        final float titlePt;
        final float bodyPt;
        final float qrPt;

        PageFormat(Rectangle size, float margin, float titlePt, float bodyPt, float qrPt) {
            this.size = size;
            this.margin = margin;
            this.titlePt = titlePt;
            this.bodyPt = bodyPt;
            this.qrPt = qrPt;
        }
    }

    static final String CREATOR = "Bianmin Kiosk (便民自助终端)";

    private final ReceiptFonts fonts;
    private final Map<FontFace, BaseFont> baseFonts = new HashMap<>();

    /** Loads every face of the set once; a renderer is reusable and cheap per receipt after that. */
    public ReceiptPdf(ReceiptFonts fonts) throws ReceiptPdfException {
        this.fonts = fonts;
        for (FontFace face : fonts.faces()) {
            try {
                // From memory: subsetting then never re-reads a multi-megabyte .ttc from disk per receipt.
                baseFonts.put(face, BaseFont.createFont(face.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        false, Files.readAllBytes(face.file()), null));
            } catch (IOException | RuntimeException e) {
                throw new ReceiptPdfException("cannot load the receipt font " + face + " (need a TrueType or "
                        + "OpenType .ttf/.ttc/.otf): " + e.getMessage(), e);
            }
        }
    }

    /** A renderer with the set a resolution found, or its reason as the exception's message. */
    public static ReceiptPdf of(FontResolution resolution) throws ReceiptPdfException {
        return switch (resolution) {
            case FontResolution.Usable u -> new ReceiptPdf(u.fonts());
            case FontResolution.Unusable u -> throw new ReceiptPdfException(u.reason());
        };
    }

    public byte[] render(Receipt r, PageFormat format) throws ReceiptPdfException {
        String missing = fonts.missing(text(r));
        if (!missing.isEmpty()) {
            throw new ReceiptPdfException("receipt " + r.receiptNumber() + " has characters no installed font has: "
                    + missing + " " + missing.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList()
                    + " (fonts: " + fonts.describe() + "); install a font that has them, e.g. fonts-noto-cjk");
        }
        byte[] pdf;
        if (format == PageFormat.A4) {
            pdf = render(r, format, format.size).pdf();
        } else {
            // A roll page is as long as its content: lay out once on a long page, then again at the measured length.
            Pass first = render(r, format, format.size);
            float used = format.size.getHeight() - first.remainingHeight() + format.margin;
            pdf = render(r, format, new Rectangle(format.size.getWidth(), used)).pdf();
        }
        try {
            return compactCffFonts(pdf);
        } catch (IOException | RuntimeException e) {
            throw new ReceiptPdfException("could not compact the fonts of receipt " + r.receiptNumber() + ": "
                    + e.getMessage(), e);
        }
    }

    private static final PdfName CFF_CID_FONT = new PdfName("CIDFontType0C");

    /** Replaces each embedded CID-keyed CFF font (Noto CJK) by its {@link CffCompactor compact} form. */
    static byte[] compactCffFonts(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            boolean changed = false;
            for (int i = 1; i < reader.getXrefSize(); i++) {
                if (reader.getPdfObject(i) instanceof PRStream stream
                        && CFF_CID_FONT.equals(stream.get(PdfName.SUBTYPE))) {
                    byte[] font = PdfReader.getStreamBytes(stream);
                    byte[] compact = CffCompactor.compact(font);
                    if (compact.length < font.length) {
                        stream.setData(compact);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.setFullCompression();
            stamper.close();
            return out.toByteArray();
        } catch (org.openpdf.text.DocumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            reader.close();
        }
    }

    private record Pass(byte[] pdf, float remainingHeight) {}

    /** Every string the page shows. */
    private static String text(Receipt r) {
        return Stream.of(Stream.of(r.title(), r.collectAt(), COLLECT_AT, NEXT_STEPS, SCAN_HINT),
                        Stream.concat(r.fields().stream(), r.footer().stream()).flatMap(f -> Stream.of(f.label(),
                                f.value())), r.nextSteps().stream())
                .flatMap(x -> x).collect(Collectors.joining("\n"));
    }

    private static final String COLLECT_AT = "领取地点：";
    private static final String NEXT_STEPS = "后续步骤：";
    private static final String SCAN_HINT = "扫码查询办理进度";

    /** The font of one face at one size and style. */
    private record Style(float size, int style) {}

    /** {@code text} as chunks, each in the first face that has its characters. */
    private Phrase phrase(String text, Style style) {
        Phrase p = new Phrase("", font(fonts.primary(), style));
        for (ReceiptFonts.Run run : fonts.runs(text)) {
            p.add(new Chunk(run.text(), font(run.face(), style)));
        }
        return p;
    }

    private Paragraph paragraph(String text, Style style) {
        return new Paragraph(phrase(text, style));
    }

    private Font font(FontFace face, Style style) {
        return new Font(baseFonts.get(face), style.size(), style.style());
    }

    private Pass render(Receipt r, PageFormat format, Rectangle page) throws ReceiptPdfException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(page, format.margin, format.margin, format.margin, format.margin);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setFullCompression();
            doc.addTitle(r.title() + " " + r.receiptNumber());
            doc.addSubject(r.itemName() + "（" + r.itemCode() + "）");
            doc.addAuthor(r.kioskId());
            doc.addKeywords(r.receiptNumber() + " " + r.status().name());
            doc.addCreator(CREATOR);
            doc.addCreationDate();
            doc.open();
            body(doc, r, format);
            float remaining = writer.getVerticalPosition(true);
            doc.close();
            return new Pass(out.toByteArray(), remaining);
        } catch (IOException | RuntimeException e) {
            throw new ReceiptPdfException("could not render receipt " + r.receiptNumber() + " as PDF: "
                    + e.getMessage(), e);
        }
    }

    private void body(Document doc, Receipt r, PageFormat format) throws IOException {
        Style title = new Style(format.titlePt, Font.BOLD);
        Style body = new Style(format.bodyPt, Font.NORMAL);
        Style strong = new Style(format.bodyPt, Font.BOLD);

        Paragraph head = paragraph(r.title(), title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(format.bodyPt);
        doc.add(head);

        doc.add(table(r.fields(), body, strong));
        steps(doc, r.nextSteps(), body, strong);
        if (!r.collectAt().isBlank()) {
            Paragraph p = paragraph(COLLECT_AT, strong);
            p.add(phrase(r.collectAt(), body));
            p.setSpacingBefore(format.bodyPt / 2);
            doc.add(p);
        }

        Image qr = Image.getInstance(qrPng(r.trackingPayload()));
        qr.scaleAbsolute(format.qrPt, format.qrPt);
        qr.setAlignment(Element.ALIGN_CENTER);
        qr.setSpacingBefore(format.bodyPt);
        doc.add(qr);
        Paragraph caption = paragraph(SCAN_HINT, body);
        caption.setAlignment(Element.ALIGN_CENTER);
        caption.setSpacingAfter(format.bodyPt);
        doc.add(caption);

        doc.add(table(r.footer(), body, body));
    }

    private PdfPTable table(List<Receipt.Field> fields, Style value, Style label) {
        PdfPTable t = new PdfPTable(new float[] {1f, 2.6f});
        t.setWidthPercentage(100);
        for (Receipt.Field f : fields) {
            t.addCell(cell(f.label(), label));
            t.addCell(cell(f.value(), value));
        }
        return t;
    }

    private PdfPCell cell(String text, Style style) {
        PdfPCell c = new PdfPCell(paragraph(text, style));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(java.awt.Color.LIGHT_GRAY);
        c.setPaddingBottom(4);
        return c;
    }

    private void steps(Document doc, List<String> steps, Style body, Style strong) {
        if (steps.isEmpty()) {
            return;
        }
        Paragraph p = paragraph(NEXT_STEPS, strong);
        p.setSpacingBefore(body.size() / 2);
        doc.add(p);
        for (int i = 0; i < steps.size(); i++) {
            Paragraph s = paragraph((i + 1) + ". " + steps.get(i), body);
            s.setIndentationLeft(body.size());
            doc.add(s);
        }
    }

    static byte[] qrPng(String payload) throws IOException {
        try {
            BitMatrix m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IOException("tracking payload does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    private static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }
}
