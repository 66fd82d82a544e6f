package org.bianmin.protocol.api;

import java.time.OffsetDateTime;

/** The portal's answer to a stored submission; the same idempotency key always gets the same receipt back. */
public record SubmissionReceipt(String receiptNumber, SubmissionState state, OffsetDateTime receivedAt) {}
