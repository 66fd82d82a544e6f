package org.bianmin.device.a4;

import java.util.List;
import java.util.Set;

/**
 * What became of an A4 job. Only {@link Printed} means the printer reported the job {@code completed}; every other
 * outcome tells the caller what to say and do. No outcome ever leads the driver to send the job again by itself:
 * {@link A4Printer#print} on a job the printer holds follows that job; a second copy needs
 * {@link A4Printer#reprint}, a person's decision.
 */
public sealed interface A4Outcome {

    String jobId();

    /** The printer reported the job {@code completed}; {@code sheets} is its count, or -1 when it gave none. */
    record Printed(String jobId, int ippJobId, int sheets) implements A4Outcome {}

    /** The printer said before the job that it cannot print; nothing was sent, trying later is safe. */
    record Refused(String jobId, A4Status.Refusal reason, A4Status status) implements A4Outcome {}

    /** No answer to the status request before the job; nothing was sent, trying later is safe. */
    record Unreachable(String jobId, String reason) implements A4Outcome {}

    /** The printer takes none of the formats the kiosk can send (PDF); nothing was sent. */
    record UnsupportedFormat(String jobId, List<String> accepted) implements A4Outcome {}

    /**
     * The printer holds the job but has not finished it: stopped mid-job (paper out, door open, jam), slower than
     * the job timeout, or unreachable while being followed. When the fault is cleared the printer finishes the job
     * by itself; {@code print} of the same job follows it to its end instead of sending it again.
     */
    record Pending(String jobId, int ippJobId, Set<String> reasons, String detail) implements A4Outcome {}

    /** The printer ended the job {@code aborted} or {@code canceled}; part of it may be on paper. */
    record Failed(String jobId, int ippJobId, String jobState, Set<String> reasons) implements A4Outcome {}

    /** The printer no longer knows a job it accepted (it restarted): reported, not silently sent again. */
    record Lost(String jobId, int ippJobId) implements A4Outcome {}

    /** Print-Job went out but its answer did not come: the printer may have the job, so it is not sent again. */
    record Unconfirmed(String jobId, String detail) implements A4Outcome {}

    /** The journal says this job printed; it was not sent again. */
    record AlreadyPrinted(String jobId) implements A4Outcome {}

    /** An earlier attempt (possibly before a restart) ended failed, lost or unconfirmed; it needs {@code reprint}. */
    record PreviouslyIncomplete(String jobId) implements A4Outcome {}
}
