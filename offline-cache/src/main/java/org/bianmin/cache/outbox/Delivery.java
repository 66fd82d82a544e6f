package org.bianmin.cache.outbox;

/** The sending side the sync engine implements: one submission, identified by its idempotency key. */
@FunctionalInterface
public interface Delivery {
    DeliveryResult send(Outgoing submission);
}
