package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Progress of a submission for the receipt-number lookup; {@code history} is oldest first. */
public record SubmissionStatus(String receiptNumber, String itemCode, SubmissionState state, OffsetDateTime updatedAt,
                               List<StatusChange> history) {

    public SubmissionStatus {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One state change; {@code note} is the operator's public remark (never personal data). */
    public record StatusChange(SubmissionState state, OffsetDateTime at, String note) {}
}
