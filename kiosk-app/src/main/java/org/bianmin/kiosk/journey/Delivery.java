package org.bianmin.kiosk.journey;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bianmin.protocol.api.SubmissionStatus;

/**
 * The portal as the journey sees it: deliver what is queued now (within a short bound) and tell how the portal
 * holds one receipt. Answers later, never blocking the caller; empty means "not confirmed by the portal": the
 * application is safe in the outbox and the citizen is told so honestly. The future never fails.
 */
@FunctionalInterface
public interface Delivery {

    CompletableFuture<Optional<SubmissionStatus>> deliverAndCheck(String receiptNumber);

    /** For a kiosk without a portal credential: everything stays queued. */
    static Delivery offline() {
        return receiptNumber -> CompletableFuture.completedFuture(Optional.empty());
    }
}
