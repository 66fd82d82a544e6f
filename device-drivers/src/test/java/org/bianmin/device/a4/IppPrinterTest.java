package org.bianmin.device.a4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.a4.virtual.VirtualIppPrinter;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.SupplyLevel;
import org.bianmin.protocol.files.OwnerOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPP driver against the simulated IPP printer on loopback: faults a real test printer cannot be put in. */
class IppPrinterTest {

    static final IppPrinter.Timing FAST = new IppPrinter.Timing(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(20), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private final DeviceStatusTracker tracker = new DeviceStatusTracker("a4", Clock.systemUTC());
    private final List<AutoCloseable> open = new ArrayList<>();
    private VirtualIppPrinter virtual;

    @BeforeEach
    void startPrinter() throws Exception {
        virtual = VirtualIppPrinter.start();
        open.add(virtual);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** Three pages: the paper-out tests run out in the middle of it. */
    static A4Job certificate(String id) {
        byte[] one = A4TestPage.pdf(List.of("Certificate " + id));
        String pdf = new String(one, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("/Kids [3 0 R] /Count 1", "/Kids [3 0 R 3 0 R 3 0 R] /Count 3")
                .replace("%%EOF", "%%EOF\n% /Type /Page /Type /Page");
        return A4Job.pdf(id, pdf.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private IppPrinter driver(PrintJournal journal, IppPrinter.Timing timing) {
        IppPrinter p = new IppPrinter(virtual.uri(), timing, journal, tracker, Clock.systemUTC());
        open.add(p);
        return p;
    }

    private PrintJournal journal() throws Exception {
        PrintJournal j = PrintJournal.open(dir.resolve("a4-journal.tsv"), Clock.systemUTC());
        open.add(j);
        return j;
    }

    @Test
    void printsOnceAndReportsSheets() throws Exception {
        PrintJournal journal = journal();
        IppPrinter printer = driver(journal, FAST);
        A4Job job = certificate("C-1");
        A4Outcome first = printer.print(job);
        assertThat(first).isInstanceOf(A4Outcome.Printed.class);
        assertThat(((A4Outcome.Printed) first).sheets()).isEqualTo(3);
        assertThat(printer.print(job)).isEqualTo(new A4Outcome.AlreadyPrinted("C-1"));
        assertThat(virtual.jobs()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("C-1");
            assertThat(j.document()).isEqualTo(job.document());
        });
        assertThat(journal.state("C-1")).contains(PrintJournal.JobState.PRINTED);
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("a4-journal.tsv")))
                .isEqualTo(OwnerOnly.FILE);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(tracker.current().supplies()).containsEntry("paper", SupplyLevel.FULL)
                .containsEntry("toner", SupplyLevel.FULL);
    }

    /**
     * The known failure of other kiosk software: paper runs out mid-job, the kiosk gives up waiting and sends the
     * job again after the refill; the printer then finishes the first job AND prints the second. Here the second
     * print follows the first job to its end instead.
     */
    @Test
    void paperRefillFinishesTheOneJobAndNeverAddsSheets() throws Exception {
        PrintJournal journal = journal();
        IppPrinter printer = driver(journal, FAST);
        virtual.refill(2);
        A4Job job = certificate("C-2");

        A4Outcome stopped = printer.print(job);
        assertThat(stopped).isInstanceOfSatisfying(A4Outcome.Pending.class,
                p -> assertThat(p.reasons()).contains("media-empty"));
        assertThat(virtual.sheetsPrinted()).isEqualTo(2);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.USER_ERROR);
        assertThat(tracker.current().supplies()).containsEntry("paper", SupplyLevel.OUT);

        virtual.refill(100);
        assertThat(printer.print(job)).isInstanceOfSatisfying(A4Outcome.Printed.class,
                p -> assertThat(p.sheets()).isEqualTo(3));
        assertThat(printer.print(job)).isEqualTo(new A4Outcome.AlreadyPrinted("C-2"));
        assertThat(virtual.sheetsPrinted()).as("sheets for one 3-page job").isEqualTo(3);
        assertThat(virtual.jobs()).hasSize(1);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);
    }

    @Test
    void aRestartWhileThePrinterHoldsTheJobFollowsItInsteadOfResending() throws Exception {
        virtual.refill(1);
        A4Job job = certificate("C-3");
        try (PrintJournal before = PrintJournal.open(dir.resolve("a4-journal.tsv"), Clock.systemUTC());
                IppPrinter printer = new IppPrinter(virtual.uri(), FAST, before, tracker, Clock.systemUTC())) {
            assertThat(printer.print(job)).isInstanceOf(A4Outcome.Pending.class);
        }
        virtual.refill(100);
        IppPrinter restarted = driver(journal(), FAST);
        assertThat(restarted.print(job)).isInstanceOf(A4Outcome.Printed.class);
        assertThat(virtual.sheetsPrinted()).isEqualTo(3);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);
    }

    @Test
    void aJobThePrinterLostIsReportedNotRepeated() throws Exception {
        IppPrinter printer = driver(journal(), FAST);
        virtual.completeJobs(false);
        A4Job job = certificate("C-4");
        assertThat(printer.print(job)).isInstanceOfSatisfying(A4Outcome.Pending.class,
                p -> assertThat(p.detail()).contains("not finished within 2000 ms"));
        virtual.forgetJobs();
        assertThat(printer.print(job)).isInstanceOf(A4Outcome.Lost.class);
        assertThat(printer.print(job)).isEqualTo(new A4Outcome.PreviouslyIncomplete("C-4"));
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);

        virtual.completeJobs(true);
        assertThat(printer.reprint(job)).as("a person decided to print it again").isInstanceOf(A4Outcome.Printed.class);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(2);
    }

    @Test
    void doorOpenRefusesBeforeSendingAndPrintsWhenClosed() throws Exception {
        IppPrinter printer = driver(journal(), FAST);
        virtual.reasons("door-open-error", "toner-low-warning");
        A4Job job = certificate("C-5");
        assertThat(printer.print(job)).isInstanceOfSatisfying(A4Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(A4Status.Refusal.DOOR_OPEN));
        assertThat(tracker.current().state()).isEqualTo(DeviceState.USER_ERROR);
        assertThat(tracker.current().detail()).isEqualTo("DOOR_OPEN");
        assertThat(tracker.current().supplies()).containsEntry("toner", SupplyLevel.LOW);
        assertThat(virtual.jobs()).isEmpty();

        virtual.reasons("toner-low-warning");
        assertThat(printer.print(job)).isInstanceOf(A4Outcome.Printed.class);
    }

    @Test
    void doorOpenedMidJobIsPendingAndTheJobFinishesWhenClosed() throws Exception {
        IppPrinter printer = driver(journal(), FAST);
        virtual.completeJobs(false);
        A4Job job = certificate("C-6");
        assertThat(printer.print(job)).isInstanceOf(A4Outcome.Pending.class);
        virtual.reasons("door-open-error");
        virtual.completeJobs(true); // the printer would go on, but its door is open
        assertThat(printer.print(job)).isInstanceOfSatisfying(A4Outcome.Pending.class,
                p -> assertThat(p.reasons()).contains("door-open"));
        assertThat(virtual.sheetsPrinted()).isZero();
        virtual.reasons();
        assertThat(printer.print(job)).isInstanceOf(A4Outcome.Printed.class);
        assertThat(virtual.sheetsPrinted()).isEqualTo(3);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);
    }

    @Test
    void printerGoneIsUnreachableAndNothingIsJournalledAsSent() throws Exception {
        PrintJournal journal = journal();
        IppPrinter printer = driver(journal, FAST);
        virtual.close();
        A4Outcome outcome = printer.print(certificate("C-7"));
        assertThat(outcome).isInstanceOf(A4Outcome.Unreachable.class);
        assertThat(tracker.current().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(tracker.current().lastError()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("UNREACHABLE"));
        assertThat(journal.state("C-7")).isEmpty();
    }

    @Test
    void aPrintJobWithoutAnswerIsUnconfirmedWithinTheCallTimeoutThenFoundByNameNotResent() throws Exception {
        PrintJournal journal = journal();
        IppPrinter printer = driver(journal, new IppPrinter.Timing(Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofMillis(20), Duration.ofSeconds(2)));
        A4Job job = certificate("C-8");
        virtual.hangOn("Print-Job");
        assertThat(printer.print(job)).isInstanceOfSatisfying(A4Outcome.Unconfirmed.class,
                u -> assertThat(u.detail()).contains("within 500 ms"));
        assertThat(tracker.current().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(journal.state("C-8")).contains(PrintJournal.JobState.INCOMPLETE);

        virtual.hangOn(); // the printer had the job after all and prints it
        assertThat(printer.print(job)).isInstanceOf(A4Outcome.Printed.class);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);
        assertThat(virtual.sheetsPrinted()).isEqualTo(3);
    }

    @Test
    void aCrashWhileSendingFollowsTheJobIfThePrinterGotItAndReportsItIfNot() throws Exception {
        A4Job arrived = certificate("C-11");
        A4Job never = certificate("C-12");
        try (PrintJournal before = PrintJournal.open(dir.resolve("a4-journal.tsv"), Clock.systemUTC());
                PrintJournal elsewhere = PrintJournal.inMemory(Clock.systemUTC());
                IppPrinter sender = new IppPrinter(virtual.uri(), FAST, elsewhere, tracker, Clock.systemUTC())) {
            before.record("C-11", PrintJournal.JobState.SENDING, "");
            before.record("C-12", PrintJournal.JobState.SENDING, "");
            // what reached the printer before the kiosk died: C-11's Print-Job, not C-12's
            assertThat(sender.print(arrived)).isInstanceOf(A4Outcome.Printed.class);
        }
        PrintJournal journal = journal();
        IppPrinter restarted = driver(journal, FAST);
        assertThat(restarted.print(arrived)).isInstanceOf(A4Outcome.Printed.class);
        assertThat(restarted.print(never)).isEqualTo(new A4Outcome.PreviouslyIncomplete("C-12"));
        assertThat(journal.state("C-12")).contains(PrintJournal.JobState.INCOMPLETE);
        assertThat(virtual.operations()).filteredOn("Print-Job"::equals).hasSize(1);
        assertThat(virtual.sheetsPrinted()).isEqualTo(3);
    }

    @Test
    void theTrafficViewSeesEveryOperationWithItsStatusCode() throws Exception {
        IppPrinter printer = driver(journal(), FAST);
        List<IppExchange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        printer.addTrafficListener(seen::add);
        assertThat(printer.print(certificate("C-13"))).isInstanceOf(A4Outcome.Printed.class);
        virtual.close();
        assertThatThrownBy(printer::status).isInstanceOf(IppException.class);
        assertThat(seen).extracting(e -> e.operation() + " " + e.status() + " " + e.code()).containsExactly(
                "Get-Printer-Attributes successful-ok 0",
                "Print-Job successful-ok 0",
                "Get-Job-Attributes successful-ok 0",
                "Get-Printer-Attributes successful-ok 0",
                "Get-Printer-Attributes UNREACHABLE -1");
    }

    @Test
    void aPrinterWithoutPdfIsATypedRefusal() throws Exception {
        IppPrinter printer = driver(journal(), FAST);
        virtual.formats("image/pwg-raster", "image/urf");
        assertThat(printer.print(certificate("C-9"))).isEqualTo(
                new A4Outcome.UnsupportedFormat("C-9", List.of("image/pwg-raster", "image/urf")));
        assertThat(virtual.jobs()).isEmpty();
    }
}
