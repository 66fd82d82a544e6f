package org.bianmin.device.printer;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.SupplyLevel;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on any {@link Transport}. Before a job it asks {@code DLE EOT 1/2/4} and refuses with
 * a typed reason when the printer cannot print; it journals the job, writes it in chunks (each bounded by the
 * profile's write timeout, so a stalled printer cannot hang the kiosk) asking for status after every chunk, and
 * confirms with a final status query. Every status it reads feeds the device status model (state and paper
 * supply). Jobs and status queries take turns (a query between a job's chunks would read the job's replies); the
 * supervisor's probe uses {@link #statusIfIdle()}, which does not wait for a job.
 */
public final class EscPosPrinter {

    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);
    public static final String PAPER = "paper";

    private final Transport transport;
    private volatile PrinterProfile profile;
    private final PrintJournal journal;
    private final ReentrantLock exclusive = new ReentrantLock();
    private final DeviceStatusTracker tracker;
    /** While a job is going out, a ready printer is BUSY rather than ONLINE. */
    private boolean busy;

    public EscPosPrinter(Transport transport, PrinterProfile profile, PrintJournal journal,
            DeviceStatusTracker tracker) {
        this.transport = transport;
        this.profile = profile;
        this.journal = journal;
        this.tracker = tracker;
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** New settings (the technician edited the config); jobs built from now on use them. */
    public void reconfigure(PrinterProfile next) {
        profile = java.util.Objects.requireNonNull(next, "next");
    }

    /** Asks the printer for its real-time status (opening the transport if needed), after a job in progress. */
    public PrinterStatus status() throws StatusReplyException {
        exclusive.lock();
        try {
            return openAndQuery();
        } finally {
            exclusive.unlock();
        }
    }

    /** The real-time status, or empty at once when a job is going out (a printer taking a job is alive). */
    public Optional<PrinterStatus> statusIfIdle() throws StatusReplyException {
        if (!exclusive.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(openAndQuery());
        } finally {
            exclusive.unlock();
        }
    }

    private PrinterStatus openAndQuery() throws StatusReplyException {
        try {
            transport.open();
            transport.discardInput();
        } catch (TransportException e) {
            throw unreachable(e);
        }
        return queryStatus();
    }

    /** Prints a job unless the journal says it printed or ended incomplete before. */
    public PrintOutcome print(PrintJob job) throws IOException {
        exclusive.lock();
        try {
            return printOnce(job);
        } finally {
            exclusive.unlock();
        }
    }

    private PrintOutcome printOnce(PrintJob job) throws IOException {
        Optional<PrintJournal.JobState> previous = journal.state(job.id());
        if (previous.isPresent() && previous.get() == PrintJournal.JobState.PRINTED) {
            return new PrintOutcome.AlreadyPrinted(job.id());
        }
        if (previous.isPresent() && previous.get() != PrintJournal.JobState.REFUSED) {
            return new PrintOutcome.PreviouslyIncomplete(job.id());
        }
        return send(job);
    }

    /** Prints a job again after a person decided to (it ended incomplete, or a duplicate was asked for). */
    public PrintOutcome reprint(PrintJob job) throws IOException {
        exclusive.lock();
        try {
            return send(job);
        } finally {
            exclusive.unlock();
        }
    }

    private PrintOutcome send(PrintJob job) throws IOException {
        PrinterStatus before;
        try {
            before = openAndQuery();
        } catch (StatusReplyException e) {
            return new PrintOutcome.Unreachable(job.id(), e.getMessage());
        }
        Optional<PrinterStatus.Refusal> refusal = before.refusal();
        if (refusal.isPresent()) {
            journal.record(job.id(), PrintJournal.JobState.REFUSED, refusal.get().name());
            log.info("printer refused job {}: {}", job.id(), refusal.get());
            return new PrintOutcome.Refused(job.id(), refusal.get(), before);
        }
        journal.record(job.id(), PrintJournal.JobState.SENDING, job.length() + " bytes");
        tracker.state(DeviceState.BUSY, "printing " + job.id());
        busy = true;
        PrintOutcome outcome;
        try {
            outcome = transmit(job);
        } finally {
            busy = false;
        }
        if (outcome instanceof PrintOutcome.Printed) {
            journal.record(job.id(), PrintJournal.JobState.PRINTED, "");
            tracker.state(DeviceState.ONLINE, transport.name());
        } else if (outcome instanceof PrintOutcome.Incomplete inc) {
            journal.record(job.id(), PrintJournal.JobState.INCOMPLETE, inc.failure() + " after " + inc.bytesSent()
                    + " bytes: " + inc.detail());
            log.warn("job {} incomplete: {} after {} of {} bytes ({})", job.id(), inc.failure(), inc.bytesSent(),
                    job.length(), inc.detail());
        }
        return outcome;
    }

    private PrintOutcome transmit(PrintJob job) {
        int sent = 0;
        while (sent < job.length()) {
            int pause = job.nextPause(sent, profile.chunkSize());
            while (sent < pause) {
                int end = Math.min(pause, sent + profile.chunkSize());
                try {
                    transport.write(job.slice(sent, end), profile.writeTimeout());
                } catch (TransportException e) {
                    return incomplete(job, failureOf(e), sent, e.getMessage());
                }
                sent = end;
            }
            if (sent < job.length()) {
                Optional<PrintOutcome> fault = checkDuring(job, sent);
                if (fault.isPresent()) {
                    return fault.get();
                }
            }
        }
        PrinterStatus after;
        try {
            after = queryStatus();
        } catch (StatusReplyException e) {
            return incomplete(job, PrintOutcome.Failure.NO_CONFIRMATION, sent, e.getMessage());
        }
        return after.refusal().<PrintOutcome>map(r -> incomplete(job, failureOf(r), job.length(), r.name()))
                .orElseGet(() -> new PrintOutcome.Printed(job.id(), after));
    }

    /** Real-time status between chunks: a printer that ran out of paper stops taking the rest of the job. */
    private Optional<PrintOutcome> checkDuring(PrintJob job, int sent) {
        try {
            return queryStatus().refusal().map(r -> incomplete(job, failureOf(r), sent, r.name()));
        } catch (StatusReplyException e) {
            PrintOutcome.Failure f = e.kind() == StatusReplyException.Kind.TRANSPORT_FAILED
                    ? PrintOutcome.Failure.DISCONNECTED : PrintOutcome.Failure.STALLED;
            return Optional.of(incomplete(job, f, sent, e.getMessage()));
        }
    }

    private PrintOutcome.Incomplete incomplete(PrintJob job, PrintOutcome.Failure f, int sent, String detail) {
        if (f == PrintOutcome.Failure.DISCONNECTED || f == PrintOutcome.Failure.STALLED) {
            tracker.error(DeviceState.OFFLINE, f.name(), "printer " + f.name().toLowerCase() + " during job "
                    + job.id());
        }
        return new PrintOutcome.Incomplete(job.id(), f, sent, detail);
    }

    private static PrintOutcome.Failure failureOf(TransportException e) {
        return e.kind() == TransportException.Kind.TIMEOUT ? PrintOutcome.Failure.STALLED
                : PrintOutcome.Failure.DISCONNECTED;
    }

    private static PrintOutcome.Failure failureOf(PrinterStatus.Refusal r) {
        return switch (r) {
            case PAPER_OUT -> PrintOutcome.Failure.PAPER_OUT;
            case COVER_OPEN -> PrintOutcome.Failure.COVER_OPENED;
            case ERROR -> PrintOutcome.Failure.PRINTER_ERROR;
            case OFFLINE, FEEDING -> PrintOutcome.Failure.WENT_OFFLINE;
        };
    }

    private PrinterStatus queryStatus() throws StatusReplyException {
        try {
            PrinterStatus s = PrinterStatus.decode(ask(1), ask(2), ask(4));
            report(s);
            return s;
        } catch (StatusReplyException e) {
            tracker.error(e.kind() == StatusReplyException.Kind.INVALID_REPLY ? DeviceState.HARDWARE_ERROR
                    : DeviceState.OFFLINE, e.kind().name(), e.getMessage());
            throw e;
        }
    }

    private int ask(int n) throws StatusReplyException {
        byte[] reply = new byte[1];
        try {
            transport.write(EscPos.statusRequest(n), profile.writeTimeout());
            if (transport.read(reply, 0, 1, profile.replyTimeout()) == 0) {
                throw new StatusReplyException(StatusReplyException.Kind.NO_REPLY,
                        "no reply to DLE EOT " + n + " within " + profile.replyTimeout().toMillis() + " ms from "
                                + transport.name());
            }
        } catch (TransportException e) {
            throw unreachable(e);
        }
        return reply[0] & 0xFF;
    }

    private static StatusReplyException unreachable(TransportException e) {
        StatusReplyException.Kind kind = e.kind() == TransportException.Kind.TIMEOUT
                ? StatusReplyException.Kind.NO_REPLY : StatusReplyException.Kind.TRANSPORT_FAILED;
        return new StatusReplyException(kind, e.getMessage(), e);
    }

    private void report(PrinterStatus s) {
        tracker.supply(PAPER, s.paperOut() ? SupplyLevel.OUT : s.paperNearEnd() ? SupplyLevel.LOW : SupplyLevel.FULL);
        Optional<PrinterStatus.Refusal> r = s.refusal();
        if (r.isEmpty()) {
            tracker.state(busy ? DeviceState.BUSY : DeviceState.ONLINE, busy ? tracker.current().detail()
                    : transport.name());
        } else if (r.get() == PrinterStatus.Refusal.ERROR) {
            tracker.error(DeviceState.HARDWARE_ERROR, r.get().name(), "printer reports an error");
        } else {
            tracker.state(DeviceState.USER_ERROR, r.get().name());
        }
    }
}
