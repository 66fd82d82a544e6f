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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders a receipt as a one-page PDF with OpenPDF: A4 for the hall's printers and e-mail, or an 80 mm wide roll
 * page as long as the receipt. The CJK font is embedded as a subset (only the glyphs used), so the file shows the
 * same on any reader; the tracking QR code is a ZXing image.
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

    private final BaseFont baseFont;

    /** Loads the CJK font once; a renderer is reusable and cheap per receipt after that. */
    public ReceiptPdf(Path fontFile) throws ReceiptPdfException {
        String name = fontFile.toString();
        String spec = name.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? name + ",0" : name;
        try {
            // From memory: subsetting then never re-reads a multi-megabyte .ttc from disk per receipt.
            this.baseFont = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    java.nio.file.Files.readAllBytes(fontFile), null);
        } catch (IOException | RuntimeException e) {
            throw new ReceiptPdfException("cannot load the receipt font " + fontFile + " (need a TrueType .ttf/.ttc "
                    + "with Chinese glyphs): " + e.getMessage(), e);
        }
    }

    public byte[] render(Receipt r, PageFormat format) throws ReceiptPdfException {
        if (format == PageFormat.A4) {
            return render(r, format, format.size).pdf();
        }
        // A roll page is as long as its content: lay out once on a long page, then again at the measured length.
        Pass first = render(r, format, format.size);
        float used = format.size.getHeight() - first.remainingHeight() + format.margin;
        return render(r, format, new Rectangle(format.size.getWidth(), used)).pdf();
    }

    private record Pass(byte[] pdf, float remainingHeight) {}

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
        Font title = new Font(baseFont, format.titlePt, Font.BOLD);
        Font body = new Font(baseFont, format.bodyPt, Font.NORMAL);
        Font strong = new Font(baseFont, format.bodyPt, Font.BOLD);

        Paragraph head = new Paragraph(r.title(), title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(format.bodyPt);
        doc.add(head);

        doc.add(table(r.fields(), body, strong));
        steps(doc, r, body, strong);
        if (!r.collectAt().isBlank()) {
            Paragraph p = new Paragraph();
            p.add(new Chunk(r.script().text("领取地点："), strong));
            p.add(new Chunk(r.collectAt(), body));
            p.setSpacingBefore(format.bodyPt / 2);
            doc.add(p);
        }

        Image qr = Image.getInstance(qrPng(r.trackingPayload()));
        qr.scaleAbsolute(format.qrPt, format.qrPt);
        qr.setAlignment(Element.ALIGN_CENTER);
        qr.setSpacingBefore(format.bodyPt);
        doc.add(qr);
        Paragraph caption = new Paragraph(r.script().text("扫码查询办理进度"), body);
        caption.setAlignment(Element.ALIGN_CENTER);
        caption.setSpacingAfter(format.bodyPt);
        doc.add(caption);

        doc.add(table(r.footer(), body, body));
    }

    private static PdfPTable table(List<Receipt.Field> fields, Font value, Font label) {
        PdfPTable t = new PdfPTable(new float[] {1f, 2.6f});
        t.setWidthPercentage(100);
        for (Receipt.Field f : fields) {
            t.addCell(cell(f.label(), label));
            t.addCell(cell(f.value(), value));
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Paragraph(text, font));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(java.awt.Color.LIGHT_GRAY);
        c.setPaddingBottom(4);
        return c;
    }

    private static void steps(Document doc, Receipt r, Font body, Font strong) {
        List<String> steps = r.nextSteps();
        if (steps.isEmpty()) {
            return;
        }
        Paragraph p = new Paragraph(r.script().text("后续步骤："), strong);
        p.setSpacingBefore(body.getSize() / 2);
        doc.add(p);
        for (int i = 0; i < steps.size(); i++) {
            Paragraph s = new Paragraph((i + 1) + ". " + steps.get(i), body);
            s.setIndentationLeft(body.getSize());
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
