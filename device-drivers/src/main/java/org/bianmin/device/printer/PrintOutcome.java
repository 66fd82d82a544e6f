package org.bianmin.device.printer;

/** What became of a print job. Every outcome but {@link Printed} tells the caller what to say and do. */
public sealed interface PrintOutcome {

    String jobId();

    /** Sent completely and the printer reported no fault afterwards. */
    record Printed(String jobId, PrinterStatus after) implements PrintOutcome {}

    /** The printer said before the job that it cannot print; nothing was sent. */
    record Refused(String jobId, PrinterStatus.Refusal reason, PrinterStatus status) implements PrintOutcome {}

    /** No usable status before the job (no reply, garbage, port missing); nothing was sent. */
    record Unreachable(String jobId, String reason) implements PrintOutcome {}

    /**
     * Part of the job may be on paper. Journalled as incomplete: it is not retried automatically, so it can never
     * come out twice; {@link EscPosPrinter#reprint} prints it again when a person decides to.
     */
    record Incomplete(String jobId, Failure failure, int bytesSent, String detail) implements PrintOutcome {}

    /** The journal says this job already printed; it was not sent again. */
    record AlreadyPrinted(String jobId) implements PrintOutcome {}

    /** An earlier attempt (possibly before a restart) ended incomplete; printing it again needs {@code reprint}. */
    record PreviouslyIncomplete(String jobId) implements PrintOutcome {}

    enum Failure {
        PAPER_OUT, COVER_OPENED, WENT_OFFLINE, PRINTER_ERROR, DISCONNECTED, STALLED, NO_CONFIRMATION
    }
}
