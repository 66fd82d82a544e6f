package org.bianmin.cache.outbox;

import java.util.UUID;

/** A durably stored submission: shown and printed for the citizen as {@code receiptNumber}. */
public record Accepted(long id, UUID idempotencyKey, String receiptNumber) {}
