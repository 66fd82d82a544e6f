package org.bianmin.kiosk.journey;

import java.util.Optional;
import org.bianmin.protocol.api.SubmissionStatus;

/**
 * The portal as the journey sees it: deliver what is queued now (within a short bound) and tell how the portal
 * holds one receipt. Empty means "not confirmed by the portal": the application is safe in the outbox and the
 * citizen is told so honestly.
 */
@FunctionalInterface
public interface Delivery {

    Optional<SubmissionStatus> deliverAndCheck(String receiptNumber);

    /** For a kiosk without a portal credential: everything stays queued. */
    static Delivery offline() {
        return receiptNumber -> Optional.empty();
    }
}
