package org.bianmin.cache.outbox;

/** What an operator's {@code outbox retry ID} did. */
public sealed interface RetryResult {

    /** The entry is pending and due now (it was blocked, or waiting for its next attempt). */
    record Scheduled(long id, DeliveryState was) implements RetryResult {}

    record AlreadyDelivered(long id) implements RetryResult {}

    record NotFound(long id) implements RetryResult {}
}
