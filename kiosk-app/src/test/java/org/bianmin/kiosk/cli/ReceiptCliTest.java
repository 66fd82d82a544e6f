package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.bianmin.receipt.Receipt;
import org.bianmin.receipt.ReceiptJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kioskctl print / printer / receipt, end to end (printer commands against the virtual printer on a pty). */
class ReceiptCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private String stdout() {
        return console.out();
    }

    @Test
    void pdfIsSignedAndVerifiesAndAModifiedCopyDoesNot() throws Exception {
        String data = dir.resolve("data").toString();
        Path json = dir.resolve("r.json");
        Files.writeString(json, ReceiptJson.write(Receipt.sample(Clock.systemDefaultZone())));
        Path pdf = dir.resolve("r.pdf");
        assertThat(KioskCtl.run("receipt", "pdf", "--data-dir", data, "--in", json.toString(), "--out",
                pdf.toString(), "--page", "ROLL_80MM")).isZero();
        assertThat(KioskCtl.run("receipt", "verify", "--data-dir", data, pdf.toString())).isZero();
        assertThat(stdout()).contains("valid:");

        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 3] ^= 0x20;
        Path modified = Files.write(dir.resolve("modified.pdf"), bytes);
        assertThat(KioskCtl.run("receipt", "verify", "--data-dir", data, modified.toString())).isEqualTo(1);
        assertThat(stdout()).contains("INVALID");
    }

    @Test
    void badReceiptJsonAndMissingFontAreClearErrors() throws Exception {
        Path json = Files.writeString(dir.resolve("bad.json"), "{\"title\": 1}");
        assertThat(KioskCtl.run("receipt", "pdf", "--data-dir", dir.toString(), "--in", json.toString(), "--out",
                dir.resolve("x.pdf").toString())).isEqualTo(1);
        assertThat(KioskCtl.run("receipt", "pdf", "--data-dir", dir.toString(), "--font",
                dir.resolve("nope.ttf").toString(), "--out", dir.resolve("x.pdf").toString())).isEqualTo(3);
        assertThat(console.err()).contains("nope.ttf");
    }

    @Test
    void printTestAndStatusAgainstTheVirtualPrinter() throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty"));
                VirtualPrinter virtual = new VirtualPrinter(
                        new SerialTransport(pty.devicePath().toString(), SerialSettings.of8N1(115_200)),
                        VirtualPrinter.Config.of(PaperWidth.MM58).withPngDir(dir.resolve("png")))) {
            virtual.start();
            String port = pty.hostPath().toString();
            assertThat(KioskCtl.run("printer", "status", "--port", port, "--width", "58", "--json")).isZero();
            assertThat(stdout()).contains("\"ready\":true").contains("\"paper\":\"FULL\"");

            assertThat(KioskCtl.run("print", "test", "--port", port, "--width", "58")).isZero();
            assertThat(virtual.transcript().text()).contains("打印测试页", "倍宽 WIDE");
            assertThat(virtual.transcript().qrPayloads()).singleElement().asString().startsWith("BIANMIN-TEST-");

            virtual.setStatus(PrinterStatus.READY.withCoverOpen(true));
            assertThat(KioskCtl.run("printer", "status", "--port", port, "--json")).isEqualTo(1);
            assertThat(stdout()).contains("\"reason\":\"COVER_OPEN\"");
            assertThat(KioskCtl.run("print", "test", "--port", port)).isEqualTo(1);
            assertThat(virtual.transcript().cuts()).isEqualTo(1);
        }
    }

    @Test
    void simPrinterServesAPortAndWritesTheRollPng() throws Exception {
        try (PtyPair pty = PtyPair.start(dir.resolve("pty"))) {
            Path png = dir.resolve("roll");
            Thread sim = Thread.ofPlatform().start(() -> new picocli.CommandLine(new SimPrinterCommand())
                    .setCaseInsensitiveEnumValuesAllowed(true).execute("--port", pty.devicePath().toString(),
                            "--width", "58", "--png-dir", png.toString(), "--duration", "4"));
            assertThat(KioskCtl.run("print", "test", "--port", pty.hostPath().toString(), "--width", "58")).isZero();
            sim.join(15_000);
            assertThat(png.resolve("receipt-0001.png")).isNotEmptyFile();
            assertThat(new picocli.CommandLine(new SimPrinterCommand()).execute("--port", "x", "--png-dir", "y",
                    "--fault", "smoke")).isEqualTo(1);
            assertThat(KioskCtl.run("print", "test", "--port", "x", "--width", "70")).isEqualTo(2);
            assertThat(console.err()).contains("paper width must be 58 or 80");
        }
    }
}
