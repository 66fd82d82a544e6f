package org.bianmin.cache.sync;

import java.time.Instant;

/**
 * One outbox entry ready to send. {@code payload} is the JSON of an {@link SubmissionPayloads.Application} or
 * {@link SubmissionPayloads.Rating} (decrypted personal data: handle in memory only, never log).
 */
public record OutboundEntry(long id, String idempotencyKey, String receiptNumber, Kind kind, String itemCode,
                            Instant createdAt, int attempt, byte[] payload) {

    public enum Kind { APPLICATION, RATING }

    @Override
    public String toString() {
        return "OutboundEntry[" + id + " " + kind + " " + receiptNumber + " attempt " + attempt + "]";
    }
}
