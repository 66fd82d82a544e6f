package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.font.SystemFonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks the PDF with independent tools: poppler's pdftotext and pdftoppm, and zbar's zbarimg. */
class ReceiptPdfTest {

    static ReceiptPdf renderer;
    static final Receipt RECEIPT = Receipt.sample(ReceiptModelTest.CLOCK);

    @TempDir
    Path dir;

    @BeforeAll
    static void loadFont() throws Exception {
        renderer = ReceiptPdf.of(SystemFonts.resolution());
    }

    @ParameterizedTest
    @EnumSource(ReceiptPdf.PageFormat.class)
    void textIsExtractableChineseAndTheQrScansToThePayload(ReceiptPdf.PageFormat format) throws Exception {
        Path pdf = dir.resolve("r.pdf");
        Files.write(pdf, renderer.render(RECEIPT, format));

        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("便民服务受理回执", "居民身份证换领", "350102********1234", "138****1234",
                "鼓楼区政务服务中心", "已提交，办理部门已收到", "扫码查询办理进度").doesNotContain("199001011234");

        String info = run("pdfinfo", pdf.toString());
        assertThat(info).contains("FZ-GL-20261121-00042").contains("KIOSK-FZ-GL-007").containsPattern("Pages: +1\\n");
        assertThat(run("pdffonts", pdf.toString())).containsPattern("[A-Z]{6}\\+\\S+.*yes\\s+yes");

        run("pdftoppm", "-r", "200", "-png", "-singlefile", pdf.toString(), dir.resolve("page").toString());
        String scanned = run("zbarimg", "--quiet", "--raw", dir.resolve("page.png").toString()).strip();
        assertThat(scanned).isEqualTo(RECEIPT.trackingPayload());
    }

    @Test
    void aTraditionalSessionsPdfIsInTraditional() throws Exception {
        Path pdf = dir.resolve("hant.pdf");
        Files.write(pdf, renderer.render(ReceiptModelTest.traditional(), ReceiptPdf.PageFormat.A4));
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("便民服務受理回執", "居民身份證換領", "已提交，辦理部門已收到", "掃碼查詢辦理進度", "後續步驟",
                "領取地點");
        assertThat(ReceiptModelTest.simplifiedOnly(text)).isEqualTo("张");
    }

    @Test
    void signedPdfVerifiesAndAnyChangeFails(@TempDir Path keys) throws Exception {
        ReceiptSigningKey key = ReceiptSigningKey.loadOrCreate(keys);
        byte[] signed = ReceiptSignature.sign(renderer.render(RECEIPT, ReceiptPdf.PageFormat.A4), key);
        assertThat(ReceiptSignature.verify(signed, key.publicKey())).isInstanceOf(ReceiptSignature.Verdict.Valid.class);

        Path pdf = dir.resolve("signed.pdf");
        Files.write(pdf, signed);
        assertThat(run("pdftotext", pdf.toString(), "-")).contains("便民服务受理回执");

        byte[] flipped = signed.clone();
        flipped[signed.length / 2] ^= 0x01;
        assertThat(ReceiptSignature.verify(flipped, key.publicKey()))
                .isInstanceOf(ReceiptSignature.Verdict.Invalid.class);

        String s = new String(signed, StandardCharsets.ISO_8859_1);
        byte[] renumbered = s.replace("FZ-GL-20261121-00042", "FZ-GL-20261121-00043")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReceiptSignature.verify(renumbered, key.publicKey()))
                .isInstanceOf(ReceiptSignature.Verdict.Invalid.class);

        byte[] appended = (s + "1 0 obj\n<<>>\nendobj\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReceiptSignature.verify(appended, key.publicKey()))
                .isInstanceOf(ReceiptSignature.Verdict.Invalid.class);

        ReceiptSigningKey other = ReceiptSigningKey.loadOrCreate(dir.resolve("other"));
        assertThat(ReceiptSignature.verify(signed, other.publicKey()))
                .isEqualTo(new ReceiptSignature.Verdict.Invalid("signed by key "
                        + ReceiptSigningKey.fingerprint(key.publicKey()) + ", not by the trusted key "
                        + ReceiptSigningKey.fingerprint(other.publicKey())));

        byte[] unsigned = renderer.render(RECEIPT, ReceiptPdf.PageFormat.A4);
        assertThat(ReceiptSignature.verify(unsigned, key.publicKey()))
                .isInstanceOf(ReceiptSignature.Verdict.Unsigned.class);
    }

    @Test
    void garbageFilesAreInvalidOrUnsignedNeverAnException(@TempDir Path keys) throws Exception {
        ReceiptSigningKey key = ReceiptSigningKey.loadOrCreate(keys);
        java.util.Random random = new java.util.Random(4);
        String marker = ReceiptSignature.MARKER;
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            String tail = switch (i % 4) {
                case 0 -> "";
                case 1 -> "\n" + marker + "\n";
                case 2 -> "\n" + marker + ReceiptSigningKey.fingerprint(key.publicKey()) + " !!notbase64\n";
                default -> "\n" + marker + ReceiptSigningKey.fingerprint(key.publicKey()) + " AAAA\n";
            };
            byte[] file = (new String(noise, StandardCharsets.ISO_8859_1) + tail).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(ReceiptSignature.verify(file, key.publicKey()))
                    .isNotInstanceOf(ReceiptSignature.Verdict.Valid.class);
        }
    }

    @Test
    void keyIsReloadedNotRegenerated(@TempDir Path keys) throws Exception {
        ReceiptSigningKey a = ReceiptSigningKey.loadOrCreate(keys);
        ReceiptSigningKey b = ReceiptSigningKey.loadOrCreate(keys);
        assertThat(b.publicKey()).isEqualTo(a.publicKey());
        assertThat(ReceiptSigningKey.loadPublic(keys.resolve(ReceiptSigningKey.PUBLIC_FILE))).isEqualTo(a.publicKey());
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " timed out");
        }
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + new String(p.getErrorStream().readAllBytes()))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
