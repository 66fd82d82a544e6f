package org.bianmin.cache.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sync engine needs from the kiosk's outbox: peek the oldest due entry (marking it in flight), then
 * acknowledge it with the portal's answer. An entry acknowledged as transient must not be claimed again for the
 * same {@code dueBy} (the outbox reschedules it later), and an entry that another one must follow (a rating
 * after its application) is not claimed before that one is delivered. Narrow on purpose, so the engine does not depend on how the outbox
 * stores, encrypts or schedules its entries (an adapter binds it to the offline-cache outbox).
 */
public interface OutboxPort {

    Optional<OutboundEntry> claimNextDue(Instant dueBy);

    void acknowledge(OutboundEntry entry, Outcome outcome);

    Backlog backlog(Instant now);

    /** The outbox's counts for the heartbeat: waiting entries, the oldest one's age, blocked entries. */
    record Backlog(int pending, Duration oldestPendingAge, int blocked) {}

    /** How a send ended. Texts are operator-visible: never personal data in them. */
    sealed interface Outcome {
        record Delivered() implements Outcome {}

        /**
         * Try again later; {@code retryAfter} is the portal's Retry-After (zero when none was given);
         * {@code answered}: something answered (a 5xx, a proxy's page), as against no answer at all.
         */
        record Transient(String error, Duration retryAfter, boolean answered) implements Outcome {}

        /** Will never succeed as sent: the entry is blocked with this reason. */
        record Permanent(String reason) implements Outcome {}
    }
}
