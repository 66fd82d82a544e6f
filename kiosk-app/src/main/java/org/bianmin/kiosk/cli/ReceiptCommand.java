package org.bianmin.kiosk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bianmin.device.font.FontResolver;
import org.bianmin.device.font.FontSource;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.receipt.Receipt;
import org.bianmin.receipt.ReceiptFormatException;
import org.bianmin.receipt.ReceiptJson;
import org.bianmin.receipt.ReceiptPdf;
import org.bianmin.receipt.ReceiptPdfException;
import org.bianmin.receipt.ReceiptSignature;
import org.bianmin.receipt.ReceiptSigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", description = "Make and check receipts (PDF, signed with the kiosk's key).",
        mixinStandardHelpOptions = true,
        subcommands = {ReceiptCommand.Pdf.class, ReceiptCommand.Verify.class, ReceiptCommand.Sample.class})
final class ReceiptCommand {

    static Path keysDir(DataDirOption dataDir) {
        return dataDir.resolve().root().resolve("keys");
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = {"Render a receipt as a signed PDF (A4 or 80 mm roll).",
                    "Without --in, the sample receipt. The JSON format is in docs/printing.md.",
                    "Exit code 0 written, 1 bad receipt file, 3 no usable font or PDF failure."})
    static final class Pdf implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--in", paramLabel = "RECEIPT.json")
        Path in;

        @Option(names = "--page", defaultValue = "A4", paramLabel = "A4|ROLL_80MM",
                description = "Page format (default ${DEFAULT-VALUE}).")
        ReceiptPdf.PageFormat page;

        @Option(names = "--font", paramLabel = "FILE",
                description = "Chinese font file (.ttf/.ttc/.otf) to use first; default $" + SystemFonts.ENV
                        + ", then the installed fonts. A Latin font is added for what it lacks.")
        Path font;

        @Override
        public Integer call() throws Exception {
            Receipt receipt;
            try {
                receipt = in == null ? Receipt.sample(Clock.systemDefaultZone()) : ReceiptJson.read(in);
            } catch (ReceiptFormatException e) {
                System.err.println(in + ": " + e.getMessage());
                return 1;
            }
            byte[] pdf;
            try {
                Optional<Path> configured = Optional.ofNullable(font).or(SystemFonts::configured);
                pdf = ReceiptPdf.of(FontResolver.resolve(FontSource.system(), configured)).render(receipt, page);
            } catch (ReceiptPdfException e) {
                System.err.println(e.getMessage());
                return 3;
            }
            dataDir.resolve().ensureExists();
            ReceiptSigningKey key = ReceiptSigningKey.loadOrCreate(keysDir(dataDir));
            Files.write(out, ReceiptSignature.sign(pdf, key));
            System.out.printf("wrote %s (%d bytes, %s, signed by kiosk key %s)%n", out, Files.size(out), page,
                    ReceiptSigningKey.fingerprint(key.publicKey()));
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a receipt PDF's signature against the kiosk's public key.",
                    "Exit code 0 valid, 1 modified, unsigned or signed by another key, 2 no key or unreadable."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "The kiosk's " + ReceiptSigningKey.PUBLIC_FILE + " (default: the one in the data "
                        + "directory's keys/).")
        Path publicKey;

        @Override
        public Integer call() throws Exception {
            Path keyFile = publicKey != null ? publicKey : keysDir(dataDir).resolve(ReceiptSigningKey.PUBLIC_FILE);
            if (!Files.isReadable(keyFile) || !Files.isReadable(file)) {
                System.err.println("cannot read " + (Files.isReadable(file) ? keyFile : file));
                return 2;
            }
            PublicKey trusted = ReceiptSigningKey.loadPublic(keyFile);
            return switch (ReceiptSignature.verify(Files.readAllBytes(file), trusted)) {
                case ReceiptSignature.Verdict.Valid v -> {
                    System.out.println("valid: " + file + " is unmodified, signed by kiosk key " + v.keyFingerprint());
                    yield 0;
                }
                case ReceiptSignature.Verdict.Unsigned u -> {
                    System.out.println("INVALID: " + file + " carries no kiosk signature");
                    yield 1;
                }
                case ReceiptSignature.Verdict.Invalid i -> {
                    System.out.println("INVALID: " + file + ": " + i.reason());
                    yield 1;
                }
            };
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Print the sample receipt as JSON: a template for --in.")
    static final class Sample implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println(ReceiptJson.write(Receipt.sample(Clock.systemDefaultZone())));
            return 0;
        }
    }
}
