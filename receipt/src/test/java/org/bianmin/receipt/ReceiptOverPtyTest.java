package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintJob;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A receipt through the real serial stack: socat pty pair, jSerialComm on both ends, the virtual printer. */
class ReceiptOverPtyTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private VirtualPrinter virtual;
    private SerialTransport host;
    private PrintJournal journal;

    @AfterEach
    void tearDown() throws Exception {
        if (host != null) {
            host.close();
        }
        if (virtual != null) {
            virtual.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    private EscPosPrinter start(PrinterProfile profile, VirtualPrinter.Fault fault) throws Exception {
        pty = PtyPair.start(dir.resolve("pty"));
        SerialSettings settings = SerialSettings.of8N1(115_200);
        virtual = new VirtualPrinter(new SerialTransport(pty.devicePath().toString(), settings),
                VirtualPrinter.Config.of(profile.paper()).withFault(fault).withPngDir(dir.resolve("png"))
                        .withUnplug(pty::stop));
        virtual.start();
        host = new SerialTransport(pty.hostPath().toString(), settings);
        journal = PrintJournal.open(dir.resolve("journal.tsv"), Clock.systemUTC());
        return new EscPosPrinter(host, profile, journal, new DeviceStatusTracker("printer", Clock.systemUTC()));
    }

    @ParameterizedTest
    @CsvSource({"MM58,true", "MM80,false"})
    void receiptDecodesBackToTheSameTextAndQrPayload(PaperWidth paper, boolean nativeQr) throws Exception {
        PrinterProfile profile = PrinterProfile.standard(paper).withNativeQr(nativeQr);
        EscPosPrinter printer = start(profile, VirtualPrinter.Fault.NONE);
        Receipt r = Receipt.sample(ReceiptModelTest.CLOCK);

        PrintOutcome o = printer.print(ReceiptEscPos.job(r, profile));

        assertThat(o).isInstanceOf(PrintOutcome.Printed.class);
        String flat = virtual.transcript().text().replace("\n", "").replace(" ", "");
        for (Receipt.Field f : r.fields()) {
            assertThat(flat).contains(f.label() + "：" + f.value().replace(" ", ""));
        }
        assertThat(virtual.transcript().qrPayloads()).containsExactly(r.trackingPayload());
        assertThat(virtual.transcript().rejected()).isEmpty();
        virtual.awaitPngs(Duration.ofSeconds(10));
        assertThat(virtual.pngs()).hasSize(1);
    }

    @Test
    void unplugMidJobIsATypedFailureAndTheJobIsIncomplete() throws Exception {
        PrinterProfile profile = PrinterProfile.standard(PaperWidth.MM80).withNativeQr(false);
        EscPosPrinter printer = start(profile, VirtualPrinter.Fault.UNPLUG);
        Receipt r = Receipt.sample(ReceiptModelTest.CLOCK);
        PrintJob job = ReceiptEscPos.job(r, profile);

        assertThat(printer.print(job)).isInstanceOfSatisfying(PrintOutcome.Incomplete.class,
                i -> assertThat(i.failure()).isIn(PrintOutcome.Failure.DISCONNECTED, PrintOutcome.Failure.STALLED));
        assertThat(journal.state(job.id())).contains(PrintJournal.JobState.INCOMPLETE);
        assertThat(printer.print(job)).isEqualTo(new PrintOutcome.PreviouslyIncomplete(job.id()));
        assertThat(virtual.transcript().cuts()).isZero();
    }
}
