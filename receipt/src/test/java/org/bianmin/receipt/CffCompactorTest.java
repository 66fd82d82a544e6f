package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bianmin.device.font.FontFace;
import org.bianmin.device.font.FontSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;

/** Noto's CFF subset, compacted: same text, same pixels, a fraction of the bytes. */
class CffCompactorTest {

    static final String TEXT = "回执编号 FZ-GL-20261121-00042 证件 350102********1234 〇 𠮷 龘 · （到期换证）";

    @TempDir
    Path dir;

    @Test
    void compactedFontDrawsTheSamePixelsAndTextInAFractionOfTheBytes() throws Exception {
        FontFace noto = FontSets.NOTO.fonts(dir.resolve("fonts")).primary();
        BaseFont base = BaseFont.createFont(noto.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                Files.readAllBytes(noto.file()), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A6);
        PdfWriter.getInstance(doc, out).setFullCompression();
        doc.open();
        doc.add(new Paragraph(TEXT, new Font(base, 12)));
        doc.add(new Paragraph(TEXT, new Font(base, 9, Font.BOLD)));
        doc.close();
        byte[] original = out.toByteArray();
        byte[] compact = ReceiptPdf.compactCffFonts(original);

        assertThat(compact.length).isLessThan(original.length / 2);
        Path a = Files.write(dir.resolve("original.pdf"), original);
        Path b = Files.write(dir.resolve("compact.pdf"), compact);
        assertThat(ReceiptPdfTest.run("pdftotext", b.toString(), "-"))
                .isEqualTo(ReceiptPdfTest.run("pdftotext", a.toString(), "-")).contains("𠮷", "00042");
        assertThat(pixels(b)).isEqualTo(pixels(a));
    }

    @Test
    void aFontItCannotReadIsLeftAsItIs() {
        byte[] garbage = {1, 0, 4, 4, 0, 1, 1, 1, 42};
        assertThat(CffCompactor.compact(garbage)).isSameAs(garbage);
    }

    private int[] pixels(Path pdf) throws Exception {
        String stem = pdf.toString().replace(".pdf", "");
        ReceiptPdfTest.run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf.toString(), stem);
        BufferedImage img = ImageIO.read(Path.of(stem + ".png").toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
