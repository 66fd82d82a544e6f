package org.bianmin.portal.store;

/**
 * What an idempotent write resolved to. {@link Stored} and {@link Replayed} carry the exact status and body the
 * first request got; the others are permanent refusals that are not remembered under the key.
 */
public sealed interface Answer {

    record Stored(int status, byte[] body) implements Answer {}

    record Replayed(int status, byte[] body) implements Answer {}

    /** The key was used before for a request with different content. */
    record KeyReused() implements Answer {}

    /** The receipt number already belongs to another submission. */
    record ReceiptTaken(String receiptNumber) implements Answer {}
}
