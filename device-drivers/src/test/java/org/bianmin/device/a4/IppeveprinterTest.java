package org.bianmin.device.a4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against a real IPP Everywhere server, CUPS's {@code ippeveprinter} (it "prints" a job in 5-15 s and
 * keeps the document it received): what arrived is read back with {@code pdftotext}; the printer is killed
 * mid-job and comes back without the job.
 */
class IppeveprinterTest {

    /** ippeveprinter takes up to 15 s per job. */
    static final IppPrinter.Timing REAL = new IppPrinter.Timing(Duration.ofSeconds(3), Duration.ofSeconds(10),
            Duration.ofMillis(200), Duration.ofSeconds(40));

    @TempDir
    Path dir;

    private final DeviceStatusTracker tracker = new DeviceStatusTracker("a4", Clock.systemUTC());
    private Ippeveprinter server;
    private PrintJournal journal;

    @BeforeEach
    void start() throws Exception {
        // ./kiosk test installs cups-ipp-utils and dbus-daemon (need_packages ipp)
        assumeTrue(Ippeveprinter.available(), "ippeveprinter (cups-ipp-utils) and dbus-daemon are needed");
        server = Ippeveprinter.start(dir.resolve("spool"));
        journal = PrintJournal.open(dir.resolve("a4-journal.tsv"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (journal != null) {
            journal.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private IppPrinter driver(IppPrinter.Timing timing) {
        return new IppPrinter(server.uri(), timing, journal, tracker, Clock.systemUTC());
    }

    @Test
    void statusAndAPrintedPdfThatReadsBack() throws Exception {
        try (IppPrinter printer = driver(REAL)) {
            A4Status status = printer.status();
            assertThat(status.refusal()).isEmpty();
            assertThat(status.formats()).contains(A4Status.PDF);
            assertThat(tracker.current().state()).isEqualTo(DeviceState.ONLINE);

            A4Job job = A4Job.pdf("SB-2026-000123", A4TestPage.pdf(List.of("Bianmin A4 test", "SB-2026-000123")));
            assertThat(printer.print(job)).isInstanceOf(A4Outcome.Printed.class);
            assertThat(printer.print(job)).isEqualTo(new A4Outcome.AlreadyPrinted("SB-2026-000123"));
        }
        assertThat(server.documents()).singleElement().satisfies(pdf -> {
            assertThat(pdf.getFileName().toString()).containsIgnoringCase("SB-2026-000123");
            assertThat(Ippeveprinter.text(pdf)).contains("Bianmin A4 test", "SB-2026-000123");
        });
    }

    @Test
    void ippeveprintersOwnSupplyStatesReachTheStatusModel() throws Exception {
        server.supplies(0, 3);
        try (IppPrinter printer = driver(REAL)) {
            A4Status s = printer.status();
            assertThat(s.reasons()).contains("media-empty-report", "toner-low-report");
            assertThat(s.refusal()).as("a -report reason informs, it does not stop printing").isEmpty();
        }
        assertThat(tracker.current().supplies()).containsEntry("paper", org.bianmin.device.status.SupplyLevel.OUT)
                .containsEntry("toner", org.bianmin.device.status.SupplyLevel.LOW);
    }

    @Test
    void aJobSlowerThanTheTimeoutIsFollowedNotResent() throws Exception {
        A4Job job = A4Job.pdf("SLOW-1", A4TestPage.pdf(List.of("slow")));
        try (IppPrinter impatient = driver(new IppPrinter.Timing(Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofMillis(300)))) {
            assertThat(impatient.print(job)).isInstanceOfSatisfying(A4Outcome.Pending.class,
                    p -> assertThat(p.detail()).contains("not finished within 300 ms"));
        }
        try (IppPrinter patient = driver(REAL)) {
            assertThat(patient.print(job)).isInstanceOf(A4Outcome.Printed.class);
        }
        assertThat(server.documents()).hasSize(1);
    }

    @Test
    void printerKilledMidJobThenBackWithoutItIsLostNotReprinted() throws Exception {
        A4Job job = A4Job.pdf("GONE-1", A4TestPage.pdf(List.of("gone")));
        try (IppPrinter printer = driver(REAL)) {
            CompletableFuture<A4Outcome> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return printer.print(job);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Instant deadline = Instant.now().plusSeconds(20);
            while (journal.state("GONE-1").orElse(PrintJournal.JobState.REFUSED) != PrintJournal.JobState.ACCEPTED
                    && !outcome.isDone() && Instant.now().isBefore(deadline)) {
                try {
                    outcome.get(20, java.util.concurrent.TimeUnit.MILLISECONDS); // parks until done or 20 ms
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // the job has not been accepted yet
                }
            }
            assertThat(journal.state("GONE-1")).as("the printer took the job").contains(
                    PrintJournal.JobState.ACCEPTED);
            server.kill();
            assertThat(outcome.get()).isInstanceOfSatisfying(A4Outcome.Pending.class,
                    p -> assertThat(p.detail()).contains("unreachable"));
            assertThat(tracker.current().state()).isEqualTo(DeviceState.OFFLINE);

            server.restart();
            assertThat(printer.print(job)).isEqualTo(new A4Outcome.Lost("GONE-1", 1));
            assertThat(printer.print(job)).isEqualTo(new A4Outcome.PreviouslyIncomplete("GONE-1"));
        }
        assertThat(server.documents()).as("received once, never sent again").hasSize(1);
    }

    @Test
    void aCrashWhileSendingIsResolvedByTheJobsNameOnThePrinter() throws Exception {
        A4Job job = A4Job.pdf("CRASH-1", A4TestPage.pdf(List.of("crash")));
        journal.record("CRASH-1", PrintJournal.JobState.SENDING, "");
        journal.close();
        try (PrintJournal elsewhere = PrintJournal.inMemory(Clock.systemUTC());
                IppPrinter sender = new IppPrinter(server.uri(), REAL, elsewhere, tracker, Clock.systemUTC())) {
            assertThat(sender.print(job)).as("the Print-Job that went out before the crash")
                    .isInstanceOf(A4Outcome.Printed.class);
        }
        journal = PrintJournal.open(dir.resolve("a4-journal.tsv"), Clock.systemUTC());
        try (IppPrinter restarted = driver(REAL)) {
            assertThat(restarted.print(job)).isInstanceOf(A4Outcome.Printed.class);
        }
        assertThat(journal.state("CRASH-1")).contains(PrintJournal.JobState.PRINTED);
        assertThat(server.documents()).hasSize(1);
    }

    @Test
    void printerGoneBeforeTheJobIsUnreachableAndNothingIsSent() throws Exception {
        server.kill();
        try (IppPrinter printer = driver(REAL)) {
            assertThat(printer.print(A4Job.pdf("NONE-1", A4TestPage.pdf(List.of("none")))))
                    .isInstanceOf(A4Outcome.Unreachable.class);
        }
        assertThat(journal.state("NONE-1")).isEmpty();
        assertThat(server.documents()).isEmpty();
    }
}
