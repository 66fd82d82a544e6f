package org.bianmin.cache.sync;

import java.time.Instant;
import org.bianmin.protocol.api.SubmissionStatus;

/** The answer to a receipt-number lookup at the kiosk. */
public sealed interface ReceiptStatus {

    /** Just now from the portal. */
    record Live(SubmissionStatus status) implements ReceiptStatus {}

    /** The portal could not be asked; this is what it said at {@code learnedAt} — show it marked as such. */
    record LastKnown(SubmissionStatus status, Instant learnedAt, String why) implements ReceiptStatus {}

    /** The portal does not know the number (or never answered for it). */
    record Unknown(String why) implements ReceiptStatus {}
}
