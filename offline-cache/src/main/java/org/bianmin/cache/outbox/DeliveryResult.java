package org.bianmin.cache.outbox;

/** The receiver's answer to one send. Texts are shown to operators: no personal data in them. */
public sealed interface DeliveryResult {

    record Delivered() implements DeliveryResult {}

    /** Try again later (network down, portal busy). */
    record TransientFailure(String error) implements DeliveryResult {}

    /** Will never succeed as it is (rejected by the portal); the entry is blocked until an operator retries. */
    record PermanentFailure(String reason) implements DeliveryResult {}
}
