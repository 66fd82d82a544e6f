package org.bianmin.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.printer.virtual.VirtualPrinter.Fault;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.SupplyLevel;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.protocol.files.OwnerOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against the virtual printer over an in-memory link, fault by fault. */
class EscPosPrinterTest {

    static final PrinterProfile PROFILE = new PrinterProfile(PaperWidth.MM58, ChineseMode.FS_AMPERSAND, true, 128,
            Duration.ofSeconds(2), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final MemoryLink link = new MemoryLink("printer");
    private final DeviceStatusTracker tracker = new DeviceStatusTracker("printer", Clock.systemUTC());
    private VirtualPrinter virtual;
    private PrintJournal journal;

    @AfterEach
    void tearDown() throws Exception {
        if (virtual != null) {
            virtual.close();
        }
        if (journal != null) {
            journal.close();
        }
        link.hostEnd().close();
    }

    static PrintJob receipt(String id) {
        EscPosWriter w = new EscPosWriter(PROFILE).init().align(EscPos.Align.CENTER).size(2, 2).line("测试回执")
                .size(1, 1).align(EscPos.Align.LEFT);
        for (int i = 1; i <= 12; i++) {
            w.labelValue("第" + i + "行", "内容 " + i);
        }
        return w.qr("https://example.cn/t/" + id, 5, EscPos.QrErrorLevel.M).feed(2).cut().toJob(id);
    }

    private EscPosPrinter start(VirtualPrinter.Config config) throws Exception {
        virtual = new VirtualPrinter(link.deviceEnd(), config.withUnplug(link::unplug));
        virtual.start();
        journal = PrintJournal.open(dir.resolve("print-journal.tsv"), Clock.systemUTC());
        return new EscPosPrinter(link.hostEnd(), PROFILE, journal, tracker);
    }

    @Test
    void printsOnceAndNeverTwice() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withPngDir(dir.resolve("png")));
        PrintJob job = receipt("R-1");
        assertThat(printer.print(job)).isInstanceOf(PrintOutcome.Printed.class);
        assertThat(printer.print(job)).isEqualTo(new PrintOutcome.AlreadyPrinted("R-1"));
        assertThat(virtual.transcript().cuts()).isEqualTo(1);
        assertThat(virtual.transcript().text()).contains("测试回执", "第12行");
        assertThat(virtual.transcript().qrPayloads()).containsExactly("https://example.cn/t/R-1");
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("print-journal.tsv")))
                .as("receipt numbers are nobody else's business").isEqualTo(OwnerOnly.FILE);
        virtual.awaitPngs(Duration.ofSeconds(10));
        assertThat(virtual.pngs()).hasSize(1);
        assertThat(Files.size(virtual.pngs().getFirst())).isPositive();
        assertThat(journal.state("R-1")).contains(PrintJournal.JobState.PRINTED);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(tracker.current().supplies()).containsEntry("paper", SupplyLevel.FULL);
    }

    @Test
    void coverOpenIsRefusedBeforeAnyByteIsSent() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.COVER_OPEN));
        PrintOutcome o = printer.print(receipt("R-2"));
        assertThat(o).isInstanceOfSatisfying(PrintOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(PrinterStatus.Refusal.COVER_OPEN));
        assertThat(virtual.transcript().elements()).isEmpty();
        assertThat(journal.state("R-2")).contains(PrintJournal.JobState.REFUSED);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.USER_ERROR);

        virtual.setStatus(PrinterStatus.READY);
        assertThat(printer.print(receipt("R-2"))).isInstanceOf(PrintOutcome.Printed.class);
        assertThat(virtual.transcript().cuts()).isEqualTo(1);
    }

    @Test
    void paperNearEndStillPrintsAndReportsTheSupplyLow() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58));
        virtual.setStatus(PrinterStatus.READY.withPaperNearEnd(true));
        assertThat(printer.print(receipt("R-12"))).isInstanceOf(PrintOutcome.Printed.class);
        assertThat(tracker.current().supplies()).containsEntry("paper", SupplyLevel.LOW);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void offlineIsRefused() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.OFFLINE));
        assertThat(printer.print(receipt("R-3"))).isInstanceOfSatisfying(PrintOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(PrinterStatus.Refusal.OFFLINE));
    }

    @Test
    void paperOutMidJobIsIncompleteAndSurvivesARestartWithoutPrintingTwice() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.PAPER_OUT_MID_JOB));
        PrintJob job = receipt("R-4");
        PrintOutcome o = printer.print(job);
        assertThat(o).isInstanceOfSatisfying(PrintOutcome.Incomplete.class, i -> {
            assertThat(i.failure()).isEqualTo(PrintOutcome.Failure.PAPER_OUT);
            assertThat(i.bytesSent()).isLessThan(job.data().length);
        });
        assertThat(journal.state("R-4")).contains(PrintJournal.JobState.INCOMPLETE);
        assertThat(tracker.current().supplies()).containsEntry("paper", SupplyLevel.OUT);
        assertThat(virtual.transcript().cuts()).isZero();

        journal.close();
        journal = PrintJournal.open(dir.resolve("print-journal.tsv"), Clock.systemUTC());
        EscPosPrinter afterRestart = new EscPosPrinter(link.hostEnd(), PROFILE, journal, tracker);
        assertThat(journal.incomplete()).containsExactly("R-4");
        assertThat(afterRestart.print(job)).isEqualTo(new PrintOutcome.PreviouslyIncomplete("R-4"));
        assertThat(virtual.transcript().cuts()).isZero();

        virtual.setStatus(PrinterStatus.READY);
        assertThat(afterRestart.reprint(job)).isInstanceOf(PrintOutcome.Printed.class);
        assertThat(afterRestart.print(job)).isEqualTo(new PrintOutcome.AlreadyPrinted("R-4"));
        assertThat(virtual.transcript().cuts()).isEqualTo(1);
        assertThat(journal.incomplete()).isEmpty();
    }

    @Test
    void unplugMidJobIsATypedDisconnect() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.UNPLUG));
        assertThat(printer.print(receipt("R-5"))).isInstanceOfSatisfying(PrintOutcome.Incomplete.class,
                i -> assertThat(i.failure()).isEqualTo(PrintOutcome.Failure.DISCONNECTED));
        assertThat(journal.state("R-5")).contains(PrintJournal.JobState.INCOMPLETE);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(tracker.current().lastError()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("DISCONNECTED"));
    }

    @Test
    void withoutAnUnplugActionTheVirtualPrinterClosesItsEndAndGoesSilent() throws Exception {
        virtual = new VirtualPrinter(link.deviceEnd(), VirtualPrinter.Config.of(PaperWidth.MM58)
                .withFault(Fault.UNPLUG));
        virtual.start();
        journal = PrintJournal.open(dir.resolve("j.tsv"), Clock.systemUTC());
        EscPosPrinter printer = new EscPosPrinter(link.hostEnd(), PROFILE, journal, tracker);
        assertThat(printer.print(receipt("R-11"))).isInstanceOfSatisfying(PrintOutcome.Incomplete.class,
                i -> assertThat(i.failure()).isEqualTo(PrintOutcome.Failure.STALLED));
        assertThat(journal.state("R-11")).contains(PrintJournal.JobState.INCOMPLETE);
    }

    @Test
    void aPrinterThatStopsReadingIsStalledNotAHang() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.STALL));
        assertThat(printer.print(receipt("R-6"))).isInstanceOfSatisfying(PrintOutcome.Incomplete.class,
                i -> assertThat(i.failure()).isEqualTo(PrintOutcome.Failure.STALLED));
        assertThat(journal.state("R-6")).contains(PrintJournal.JobState.INCOMPLETE);
    }

    @Test
    void aSlowPrinterStillPrints() throws Exception {
        EscPosPrinter printer = start(VirtualPrinter.Config.of(PaperWidth.MM58).withFault(Fault.SLOW));
        assertThat(printer.print(receipt("R-7"))).isInstanceOf(PrintOutcome.Printed.class);
        assertThat(virtual.transcript().cuts()).isEqualTo(1);
    }

    @Test
    void noPrinterIsUnreachableAndNothingIsJournalledAsSent() throws Exception {
        journal = PrintJournal.open(dir.resolve("j.tsv"), Clock.systemUTC());
        EscPosPrinter printer = new EscPosPrinter(link.hostEnd(), PROFILE, journal, tracker);
        assertThat(printer.print(receipt("R-8"))).isInstanceOf(PrintOutcome.Unreachable.class);
        assertThat(journal.state("R-8")).isEmpty();
        assertThat(tracker.current().lastError()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("NO_REPLY"));
    }

    @Test
    void garbageRepliesAreATypedError() throws Exception {
        journal = PrintJournal.open(dir.resolve("j.tsv"), Clock.systemUTC());
        link.deviceEnd().open();
        link.deviceEnd().write(new byte[] {0, 0, 0}, Duration.ofSeconds(1));
        EscPosPrinter printer = new EscPosPrinter(link.hostEnd(), PROFILE, journal, tracker);
        link.hostEnd().open();
        // status() drops stale input first, so put the garbage where the reply is expected
        Thread.ofPlatform().daemon().start(() -> {
            try {
                byte[] b = new byte[3];
                while (link.deviceEnd().read(b, 0, 3, Duration.ofSeconds(2)) > 0) {
                    link.deviceEnd().write(new byte[] {(byte) 0x80}, Duration.ofSeconds(1));
                }
            } catch (Exception ignored) {
                // the link closes at the end of the test
            }
        });
        assertThat(printer.print(receipt("R-9"))).isInstanceOfSatisfying(PrintOutcome.Unreachable.class,
                u -> assertThat(u.reason()).contains("0x80"));
        assertThat(tracker.current().state()).isEqualTo(DeviceState.HARDWARE_ERROR);
    }

    @Test
    void aCrashMidJobLeavesItIncompleteAfterRestart() throws Exception {
        Path file = dir.resolve("crash.tsv");
        try (PrintJournal before = PrintJournal.open(file, Clock.systemUTC())) {
            before.record("R-10", PrintJournal.JobState.SENDING, "100 bytes");
        }
        Files.writeString(file, Files.readString(file) + "17000\tR-1", java.nio.file.StandardOpenOption.WRITE);
        try (PrintJournal after = PrintJournal.open(file, Clock.systemUTC())) {
            assertThat(after.state("R-10")).contains(PrintJournal.JobState.INCOMPLETE);
            assertThat(after.state("R-1")).isEmpty();
            EscPosPrinter printer = new EscPosPrinter(link.hostEnd(), PROFILE, after, tracker);
            assertThat(printer.print(receipt("R-10"))).isEqualTo(new PrintOutcome.PreviouslyIncomplete("R-10"));
        }
    }

    @Test
    void aLongJournalIsCompactedAndStillRemembersEveryJob() throws Exception {
        Path file = dir.resolve("long.tsv");
        try (PrintJournal j = PrintJournal.open(file, Clock.systemUTC())) {
            for (int i = 0; i < 1100; i++) {
                j.record("J-" + i, PrintJournal.JobState.SENDING, "");
                j.record("J-" + i, PrintJournal.JobState.PRINTED, "");
            }
            j.record("J-last", PrintJournal.JobState.SENDING, "");
        }
        try (PrintJournal j = PrintJournal.open(file, Clock.systemUTC())) {
            assertThat(Files.readAllLines(file)).hasSize(1102);
            assertThat(j.state("J-7")).contains(PrintJournal.JobState.PRINTED);
            assertThat(j.state("J-last")).contains(PrintJournal.JobState.INCOMPLETE);
        }
    }
}
