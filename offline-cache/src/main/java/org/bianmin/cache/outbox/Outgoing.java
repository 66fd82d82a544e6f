package org.bianmin.cache.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One submission handed to {@link Delivery}, decrypted. The receiver must treat {@code idempotencyKey} as the
 * identity of the submission: the same key may arrive more than once (after a crash or a lost reply).
 */
public record Outgoing(long id, UUID idempotencyKey, String receiptNumber, SubmissionKind kind, String itemCode,
                       Instant createdAt, int attempt, byte[] personalPayload) {}
