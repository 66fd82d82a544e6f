package org.bianmin.device.a4;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A4 printer over IPP / IPP Everywhere (RFC 8011). A job goes: Get-Printer-Attributes (refuse with a typed
 * reason when the printer cannot print or takes no PDF), the journal's {@code SENDING}, Print-Job, the journal's
 * {@code ACCEPTED} with the printer's job id, then Get-Job-Attributes every {@code poll} until the job is
 * {@code completed} ({@code PRINTED}), {@code aborted}/{@code canceled} or forgotten ({@code INCOMPLETE}), or
 * {@code job} time has passed.
 *
 * <p>Guarantee: a job id is sent to the printer at most once through {@link #print}. A job the journal holds as
 * {@code ACCEPTED} (the printer stopped for paper, the kiosk restarted) is followed on the printer, so a paper
 * refill finishes the one job rather than adding a second. A job whose Print-Job went out unanswered or was cut
 * off by a kiosk restart is looked up on the printer by its {@code job-name} and followed when found once; one not
 * found, or lost by the printer, is reported ({@link A4Outcome.Unconfirmed}, {@link A4Outcome.Lost},
 * {@link A4Outcome.PreviouslyIncomplete}), never resent without {@link #reprint}. Every IPP call is bounded by
 * {@code call}. PWG raster is not rendered here: a printer without PDF gets {@link A4Outcome.UnsupportedFormat}.
 */
public final class IppPrinter implements A4Printer {

    private static final Logger log = LoggerFactory.getLogger(IppPrinter.class);
    public static final String PAPER = "paper";
    public static final String TONER = "toner";
    private static final String ACCEPTED_PREFIX = "ipp-job ";
    /** The journal detail of a Print-Job that went out without an answer: the printer may hold the job. */
    private static final String UNANSWERED = "Print-Job unanswered: ";

    /**
     * @param connect TCP connect timeout
     * @param call    one whole IPP exchange (Print-Job included: its document must go out within it)
     * @param poll    pause between Get-Job-Attributes while a job is processing
     * @param job     how long {@link #print} follows a job before answering {@link A4Outcome.Pending}
     */
    public record Timing(Duration connect, Duration call, Duration poll, Duration job) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(3), Duration.ofSeconds(20),
                Duration.ofMillis(500), Duration.ofSeconds(90));

        public Timing {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(job, "job");
        }
    }

    private final IppTransport transport;
    private final Timing timing;
    private final PrintJournal journal;
    private final DeviceStatusTracker tracker;
    private final Clock clock;
    private final ReentrantLock exclusive = new ReentrantLock();
    private final List<IppExchange.Listener> traffic = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int requestId;

    public IppPrinter(java.net.URI printer, Timing timing, PrintJournal journal, DeviceStatusTracker tracker,
            Clock clock) {
        this.transport = new IppTransport(printer, timing.connect());
        this.timing = timing;
        this.journal = Objects.requireNonNull(journal, "journal");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public java.net.URI printerUri() {
        return transport.printerUri();
    }

    /** Every IPP operation from now on, with its status code, for the technician's traffic view. */
    public void addTrafficListener(IppExchange.Listener listener) {
        traffic.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTrafficListener(IppExchange.Listener listener) {
        traffic.remove(listener);
    }

    @Override
    public A4Status status() throws IppException {
        IppPacket answer;
        try {
            answer = call(IppPacket.getPrinterAttributes(transport.printerUri(), Types.printerState,
                    Types.printerStateReasons, Types.printerStateMessage, Types.printerIsAcceptingJobs,
                    Types.documentFormatSupported).build(), List.of());
        } catch (IppException e) {
            tracker.error(DeviceState.OFFLINE, e.kind().name(), e.getMessage());
            throw e;
        }
        A4Status s;
        try {
            s = statusOf(answer);
        } catch (IppException e) {
            tracker.error(DeviceState.HARDWARE_ERROR, e.kind().name(), e.getMessage());
            throw e;
        }
        report(s);
        return s;
    }

    static A4Status statusOf(IppPacket answer) throws IppException {
        return IppCodec.read("printer attributes", () -> printerStatus(answer));
    }

    private static A4Status printerStatus(IppPacket answer) {
        PrinterState state = answer.getValue(Tag.printerAttributes, Types.printerState);
        A4Status.State st = state == null || state.equals(PrinterState.stopped) ? A4Status.State.STOPPED
                : state.equals(PrinterState.processing) ? A4Status.State.PROCESSING : A4Status.State.IDLE;
        Boolean accepting = answer.getValue(Tag.printerAttributes, Types.printerIsAcceptingJobs);
        String message = answer.getString(Tag.printerAttributes, Types.printerStateMessage);
        return new A4Status(st, Set.copyOf(answer.getStrings(Tag.printerAttributes, Types.printerStateReasons)),
                message == null ? "" : message, accepting == null || accepting,
                answer.getStrings(Tag.printerAttributes, Types.documentFormatSupported));
    }

    private void report(A4Status s) {
        tracker.supply(PAPER, s.paper());
        tracker.supply(TONER, s.toner());
        Optional<A4Status.Refusal> r = s.refusal();
        if (r.isEmpty()) {
            tracker.state(s.state() == A4Status.State.PROCESSING ? DeviceState.BUSY : DeviceState.ONLINE,
                    transport.printerUri().toString());
        } else if (r.get() == A4Status.Refusal.OFFLINE) {
            tracker.state(DeviceState.OFFLINE, String.join(",", s.errors()));
        } else if (r.get() == A4Status.Refusal.STOPPED || r.get() == A4Status.Refusal.NOT_ACCEPTING) {
            tracker.error(DeviceState.HARDWARE_ERROR, r.get().name(), "printer " + r.get().name().toLowerCase()
                    + ": " + s.message());
        } else {
            tracker.state(DeviceState.USER_ERROR, r.get().name());
        }
    }

    @Override
    public A4Outcome print(A4Job job) throws IOException {
        exclusive.lock();
        try {
            Optional<PrintJournal.JobState> previous = journal.state(job.id());
            if (previous.isEmpty() || previous.get() == PrintJournal.JobState.REFUSED) {
                return send(job);
            }
            return switch (previous.get()) {
                case PRINTED -> new A4Outcome.AlreadyPrinted(job.id());
                case ACCEPTED -> follow(job.id(), acceptedJobId(job.id()));
                case INCOMPLETE -> mayHaveArrived(job.id()) ? recover(job.id())
                        : new A4Outcome.PreviouslyIncomplete(job.id());
                default -> new A4Outcome.PreviouslyIncomplete(job.id());
            };
        } finally {
            exclusive.unlock();
        }
    }

    @Override
    public A4Outcome reprint(A4Job job) throws IOException {
        exclusive.lock();
        try {
            return send(job);
        } finally {
            exclusive.unlock();
        }
    }

    private int acceptedJobId(String jobId) throws IOException {
        String detail = journal.detail(jobId).orElse("");
        try {
            return Integer.parseInt(detail.substring(ACCEPTED_PREFIX.length()).trim());
        } catch (RuntimeException e) {
            throw new IOException("print journal: job " + jobId + " ACCEPTED without a printer job id: " + detail, e);
        }
    }

    private A4Outcome send(A4Job job) throws IOException {
        A4Status before;
        try {
            before = status();
        } catch (IppException e) {
            return new A4Outcome.Unreachable(job.id(), e.getMessage());
        }
        if (!before.accepts(job.format())) {
            log.warn("A4 printer {} takes {}, not {}; PWG raster is not rendered by the kiosk",
                    transport.printerUri(), before.formats(), job.format());
            return new A4Outcome.UnsupportedFormat(job.id(), before.formats());
        }
        Optional<A4Status.Refusal> refusal = before.refusal();
        if (refusal.isPresent()) {
            journal.record(job.id(), PrintJournal.JobState.REFUSED, refusal.get().name());
            return new A4Outcome.Refused(job.id(), refusal.get(), before);
        }
        journal.record(job.id(), PrintJournal.JobState.SENDING, job.documentUnsafe().length + " bytes");
        tracker.state(DeviceState.BUSY, "printing " + job.id());
        IppPacket request = IppPacket.printJob(transport.printerUri())
                .putOperationAttributes(Types.requestingUserName.of("kiosk"), Types.jobName.of(job.id()),
                        Types.documentFormat.of(job.format()))
                .build();
        IppPacket answer;
        try {
            answer = call(request, List.of(job.documentUnsafe()));
        } catch (IppException e) {
            if (e.kind() == IppException.Kind.UNREACHABLE) {
                journal.record(job.id(), PrintJournal.JobState.REFUSED, "unreachable");
                tracker.error(DeviceState.OFFLINE, e.kind().name(), e.getMessage());
                return new A4Outcome.Unreachable(job.id(), e.getMessage());
            }
            journal.record(job.id(), PrintJournal.JobState.INCOMPLETE, UNANSWERED + e.getMessage());
            tracker.error(DeviceState.OFFLINE, e.kind().name(), e.getMessage());
            return new A4Outcome.Unconfirmed(job.id(), e.getMessage());
        }
        Integer ippJobId;
        try {
            ippJobId = IppCodec.read("job-id", () -> answer.getValue(Tag.jobAttributes, Types.jobId));
        } catch (IppException e) {
            journal.record(job.id(), PrintJournal.JobState.INCOMPLETE, UNANSWERED + e.getMessage());
            return new A4Outcome.Unconfirmed(job.id(), e.getMessage());
        }
        if (!isSuccess(answer) || ippJobId == null) {
            // An IPP error answer means the printer did not take the job (RFC 8011 §4.1.6): nothing to paper.
            journal.record(job.id(), PrintJournal.JobState.REFUSED, "Print-Job status 0x"
                    + Integer.toHexString(answer.getCode()));
            A4Status after = statusOrBefore(before);
            return new A4Outcome.Refused(job.id(), after.refusal().orElse(A4Status.Refusal.NOT_ACCEPTING), after);
        }
        journal.record(job.id(), PrintJournal.JobState.ACCEPTED, ACCEPTED_PREFIX + ippJobId);
        log.info("A4 job {} accepted as {} job {}", job.id(), transport.printerUri(), ippJobId);
        return follow(job.id(), ippJobId);
    }

    /** A Print-Job that went out unanswered, or was going out when the kiosk died: the printer may hold it. */
    private boolean mayHaveArrived(String jobId) {
        String detail = journal.detail(jobId).orElse("");
        return detail.equals(PrintJournal.INTERRUPTED) || detail.startsWith(UNANSWERED);
    }

    /**
     * Looks for the job on the printer by its {@code job-name} (Get-Jobs, not-completed then completed): found
     * once, it is journalled {@code ACCEPTED} and followed; not found (it never arrived, or the printer forgot it)
     * or found more than once, it stays incomplete for a person to decide.
     */
    private A4Outcome recover(String jobId) throws IOException {
        List<Integer> found = new java.util.ArrayList<>();
        try {
            for (String which : List.of("not-completed", "completed")) {
                IppPacket answer = call(IppPacket.getJobs(transport.printerUri(), Types.jobId, Types.jobName)
                        .putOperationAttributes(Types.whichJobs.of(which)).build(), List.of());
                found.addAll(IppCodec.read("job list", () -> answer.getAttributeGroups().stream()
                        .filter(g -> g.getTag().equals(Tag.jobAttributes))
                        .filter(g -> jobId.equals(g.getString(Types.jobName)))
                        .map(g -> g.getValue(Types.jobId)).filter(Objects::nonNull).toList()));
            }
        } catch (IppException e) {
            log.info("A4 job {} not looked up on the printer: {}", jobId, e.getMessage());
            return new A4Outcome.PreviouslyIncomplete(jobId);
        }
        if (found.size() != 1) {
            log.warn("A4 job {} found {} times on {} after an unanswered Print-Job; left for a person", jobId,
                    found.size(), transport.printerUri());
            return new A4Outcome.PreviouslyIncomplete(jobId);
        }
        journal.record(jobId, PrintJournal.JobState.ACCEPTED, ACCEPTED_PREFIX + found.getFirst());
        log.info("A4 job {} found on the printer as job {}", jobId, found.getFirst());
        return follow(jobId, found.getFirst());
    }

    private A4Status statusOrBefore(A4Status before) {
        try {
            return status();
        } catch (IppException e) {
            return before;
        }
    }

    /** Follows a job the printer accepted until it ends or the job time is up; never sends anything again. */
    private A4Outcome follow(String jobId, int ippJobId) throws IOException {
        Instant deadline = clock.instant().plus(timing.job());
        while (true) {
            JobReport report;
            try {
                IppPacket answer = call(IppPacket.getJobAttributes(transport.printerUri(), ippJobId,
                        Types.jobState, Types.jobStateReasons, Types.jobMediaSheetsCompleted).build(), List.of());
                report = IppCodec.read("job attributes", () -> JobReport.of(answer));
            } catch (IppException e) {
                tracker.error(DeviceState.OFFLINE, e.kind().name(), e.getMessage());
                return new A4Outcome.Pending(jobId, ippJobId, Set.of(), "printer unreachable while following the"
                        + " job: " + e.getMessage());
            }
            if (report.code() == Status.clientErrorNotFound.getCode()) {
                journal.record(jobId, PrintJournal.JobState.INCOMPLETE, "lost by the printer: " + ACCEPTED_PREFIX
                        + ippJobId);
                log.warn("A4 job {} ({} job {}) is unknown to the printer", jobId, transport.printerUri(), ippJobId);
                return new A4Outcome.Lost(jobId, ippJobId);
            }
            JobState state = report.state();
            Set<String> reasons = new HashSet<>(report.reasons());
            if (report.code() >= 0x0100 || state == null) {
                return new A4Outcome.Pending(jobId, ippJobId, reasons, "Get-Job-Attributes answered status 0x"
                        + Integer.toHexString(report.code()));
            }
            if (state.equals(JobState.completed)) {
                Integer sheets = report.sheets();
                journal.record(jobId, PrintJournal.JobState.PRINTED, ACCEPTED_PREFIX + ippJobId);
                statusQuietly();
                return new A4Outcome.Printed(jobId, ippJobId, sheets == null ? -1 : sheets);
            }
            if (state.equals(JobState.aborted) || state.equals(JobState.canceled)) {
                journal.record(jobId, PrintJournal.JobState.INCOMPLETE, state.getName() + " " + reasons);
                statusQuietly();
                return new A4Outcome.Failed(jobId, ippJobId, state.getName(), Set.copyOf(reasons));
            }
            if (state.equals(JobState.processingStopped) || state.equals(JobState.pendingHeld)) {
                // Stopped for a fault a person must clear (paper, door, jam): answer now, the job waits on the
                // printer and is followed again by the next print of it.
                Optional<A4Status> printer = statusQuietly();
                if (printer.isPresent() && printer.get().refusal().isPresent()) {
                    reasons.addAll(printer.get().errors());
                    return new A4Outcome.Pending(jobId, ippJobId, Set.copyOf(reasons), "printer stopped: "
                            + printer.get().refusal().get());
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                return new A4Outcome.Pending(jobId, ippJobId, Set.copyOf(reasons), "not finished within "
                        + timing.job().toMillis() + " ms (" + state.getName() + ")");
            }
            try {
                Thread.sleep(timing.poll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new A4Outcome.Pending(jobId, ippJobId, Set.copyOf(reasons), "interrupted");
            }
        }
    }

    /** What Get-Job-Attributes said, read out of the packet in one place. */
    private record JobReport(int code, JobState state, List<String> reasons, Integer sheets) {
        static JobReport of(IppPacket answer) {
            return new JobReport(answer.getCode(), answer.getValue(Tag.jobAttributes, Types.jobState),
                    answer.getStrings(Tag.jobAttributes, Types.jobStateReasons),
                    answer.getValue(Tag.jobAttributes, Types.jobMediaSheetsCompleted));
        }
    }

    private Optional<A4Status> statusQuietly() {
        try {
            return Optional.of(status());
        } catch (IppException e) {
            return Optional.empty();
        }
    }

    private static boolean isSuccess(IppPacket answer) {
        return answer.getCode() < 0x0100; // successful-ok and its -ignored-/-conflicting- variants (RFC 8011 §B.1.2)
    }

    private IppPacket call(IppPacket request, List<byte[]> document) throws IppException {
        IppPacket numbered = request.copy(request.getVersionNumber(), request.getCode(), nextRequestId(),
                request.getAttributeGroups());
        List<byte[]> body = new java.util.ArrayList<>();
        body.add(IppCodec.encode(numbered));
        body.addAll(document);
        Instant start = clock.instant();
        String operation = IppCodec.read("operation", () -> request.getOperation().getName());
        try {
            IppPacket answer = IppCodec.decode(transport.exchange(body, timing.call()));
            tell(new IppExchange(start, operation, IppCodec.read("status", () -> answer.getStatus().getName()),
                    answer.getCode(), Duration.between(start, clock.instant())));
            return answer;
        } catch (IppException e) {
            tell(new IppExchange(start, operation, e.kind().name(), -1, Duration.between(start, clock.instant())));
            throw e;
        }
    }

    private void tell(IppExchange exchange) {
        for (IppExchange.Listener listener : traffic) {
            try {
                listener.exchanged(exchange);
            } catch (RuntimeException e) {
                log.warn("IPP traffic listener failed", e);
            }
        }
    }

    private synchronized int nextRequestId() {
        requestId = requestId == Integer.MAX_VALUE ? 1 : requestId + 1;
        return requestId;
    }

    @Override
    public void close() {
        transport.close();
    }
}
