package org.bianmin.cache.outbox;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The operator's view of one outbox entry: delivery bookkeeping only, never the personal payload. {@code after}:
 * the entry that must be delivered before this one (a rating's application), if any.
 */
public record OutboxEntry(long id, UUID idempotencyKey, String receiptNumber, SubmissionKind kind, String itemCode,
                          Instant createdAt, DeliveryState state, int attempts, Instant nextAttemptAt,
                          String lastError, String blockedReason, Instant deliveredAt, boolean payloadPurged,
                          OptionalLong after) {}
