package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.FontSets;
import org.bianmin.device.font.ReceiptFonts;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.virtual.EscPosDecoder;
import org.bianmin.device.printer.virtual.EscPosEvent;
import org.bianmin.device.printer.virtual.RollRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The receipt on machines with one font set each (a fontconfig file over one font directory): the PDF's extracted
 * text and the virtual printer's roll hold the receipt number, the masked ID number and the phone, or the set is
 * refused with a reason. Droid Sans Fallback alone was the case that printed "valid" receipts without them.
 */
class ReceiptFontSetsTest {

    static final Receipt RECEIPT = Receipt.sample(ReceiptModelTest.CLOCK);
    static final String MASKED_ID = "350102********1234";
    static final String MASKED_PHONE = "138****1234";
    /** What the lead and CI can look at: target/font-sets/{set}-a4.pdf, .png and -roll.png. */
    static final Path OUT = Path.of("target", "font-sets");
    static final int A4_LIMIT = 100 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = FontSets.class, names = {"WQY", "NOTO", "DROID"})
    void pdfTextHoldsTheNumbersAndTheSubsetStaysSmall(FontSets set) throws Exception {
        ReceiptFonts fonts = set.fonts(dir);
        byte[] a4 = new ReceiptPdf(fonts).render(RECEIPT, ReceiptPdf.PageFormat.A4);
        Files.createDirectories(OUT);
        Path pdf = Files.write(OUT.resolve(set.name().toLowerCase() + "-a4.pdf"), a4);

        String text = ReceiptPdfTest.run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains(RECEIPT.receiptNumber(), MASKED_ID, MASKED_PHONE, RECEIPT.itemCode(),
                Receipt.TIME.format(RECEIPT.issuedAt()), "便民服务受理回执", "居民身份证换领", "扫码查询办理进度");
        assertThat(a4.length).as(set + ": A4 receipt of %d bytes", a4.length).isLessThanOrEqualTo(A4_LIMIT);
        // Every face is embedded as a subset: "ABCDEF+Name ... emb yes sub yes".
        String pdffonts = ReceiptPdfTest.run("pdffonts", pdf.toString());
        assertThat(pdffonts.lines().skip(2).toList()).hasSize(fonts.faces().size())
                .allSatisfy(line -> assertThat(line).containsPattern("^[A-Z]{6}\\+\\S+.*yes\\s+yes"));
        ReceiptPdfTest.run("pdftoppm", "-r", "100", "-png", "-singlefile", pdf.toString(),
                OUT.resolve(set.name().toLowerCase() + "-a4").toString());
    }

    @ParameterizedTest
    @EnumSource(value = FontSets.class, names = {"WQY", "NOTO", "DROID"})
    void rollDrawsEveryCharacterOfTheNumbers(FontSets set) throws Exception {
        RollRenderer roll = new RollRenderer(PaperWidth.MM80, set.resolve(dir));
        List<EscPosEvent> events = EscPosDecoder.decodeStrict(
                ReceiptEscPos.render(RECEIPT, PrinterProfile.standard(PaperWidth.MM80)), ChineseMode.FS_AMPERSAND);
        Files.createDirectories(OUT);
        roll.writePng(events, OUT.resolve(set.name().toLowerCase() + "-roll.png"));

        for (String value : List.of(RECEIPT.receiptNumber(), MASKED_ID, MASKED_PHONE)) {
            EscPosEvent.TextLine line = events.stream().filter(e -> e instanceof EscPosEvent.TextLine t
                    && t.text().contains(value)).map(EscPosEvent.TextLine.class::cast).findFirst().orElseThrow();
            // Each character alone in the line's style: it leaves ink, and no two characters look the same (a
            // missing glyph is blank or the one "notdef" box).
            List<int[]> glyphs = new ArrayList<>();
            for (int cp : value.codePoints().distinct().toArray()) {
                BufferedImage img = roll.render(List.of(new EscPosEvent.TextLine(Character.toString(cp),
                        line.align(), line.bold(), line.widthMultiplier(), line.heightMultiplier())));
                int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                assertThat(Arrays.stream(pixels).anyMatch(p -> (p & 0xff) < 0x80))
                        .as("%s: ink for '%s' of %s", set, Character.toString(cp), value).isTrue();
                assertThat(glyphs).as("%s: '%s' drawn like another character", set, Character.toString(cp))
                        .noneMatch(g -> Arrays.equals(g, pixels));
                glyphs.add(pixels);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = FontSets.class, names = {"DROID_ALONE", "NONE"})
    void noUsableSetMeansNoPdfAndAReason(FontSets set) throws Exception {
        FontResolution resolution = set.resolve(dir);
        assertThat(resolution).isInstanceOf(FontResolution.Unusable.class);
        assertThatThrownBy(() -> ReceiptPdf.of(resolution)).isInstanceOf(ReceiptPdfException.class)
                .hasMessage(((FontResolution.Unusable) resolution).reason());
    }

    @Test
    void aCharacterNoFaceHasRefusesTheReceiptInsteadOfLeavingAHole() throws Exception {
        ReceiptFonts wqy = FontSets.WQY.fonts(dir);
        Receipt rare = new Receipt(RECEIPT.title(), RECEIPT.receiptNumber(), RECEIPT.itemName(), RECEIPT.itemCode(),
                RECEIPT.applicant(), RECEIPT.issuedAt(), RECEIPT.status(), List.of("请𠮷先生携带原件"),
                RECEIPT.collectAt(), RECEIPT.trackingPayload(), RECEIPT.kioskId(), RECEIPT.hallAddress(),
                RECEIPT.hallPhone());
        assertThatThrownBy(() -> new ReceiptPdf(wqy).render(rare, ReceiptPdf.PageFormat.A4))
                .isInstanceOf(ReceiptPdfException.class).hasMessageContaining("𠮷").hasMessageContaining("U+20BB7");
        byte[] noto = new ReceiptPdf(FontSets.NOTO.fonts(dir.resolve("noto"))).render(rare, ReceiptPdf.PageFormat.A4);
        Path pdf = Files.write(dir.resolve("rare.pdf"), noto);
        assertThat(ReceiptPdfTest.run("pdftotext", pdf.toString(), "-")).contains("请𠮷先生携带原件");
    }
}
