package org.bianmin.cache.outbox;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox entries through a {@link Delivery}, one at a time (peek–send–acknowledge). There is one
 * dispatcher per database: constructing it releases entries a previous process left mid-send.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final Delivery delivery;
    private final Clock clock;

    public OutboxDispatcher(Outbox outbox, Delivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        outbox.releaseInterrupted();
    }

    /** What one pass did; {@code purged}: delivered entries whose personal payload passed its retention. */
    public record Pass(int delivered, int retrying, int blocked, int purged) {}

    /**
     * Sends every entry due at the start of the pass; returns when none is left (a failed entry is rescheduled
     * after the pass start, so it waits for the next pass). Then purges expired personal payloads, so retention
     * is enforced as long as the kiosk runs its delivery passes, online or not.
     */
    public Pass deliverDue() {
        Instant passStart = clock.instant();
        int delivered = 0;
        int retrying = 0;
        int blocked = 0;
        for (var next = outbox.claimNextDue(passStart); next.isPresent(); next = outbox.claimNextDue(passStart)) {
            Outgoing sending = next.get();
            DeliveryResult result;
            try {
                result = delivery.send(sending);
            } catch (RuntimeException e) {
                // The exception text may quote the payload: record only its type.
                LOG.warn("delivery of outbox entry {} threw {}", sending.id(), e.getClass().getName());
                result = new DeliveryResult.TransientFailure(e.getClass().getSimpleName());
            }
            outbox.acknowledge(sending, result);
            switch (result) {
                case DeliveryResult.Delivered d -> delivered++;
                case DeliveryResult.TransientFailure f -> retrying++;
                case DeliveryResult.PermanentFailure p -> blocked++;
            }
        }
        return new Pass(delivered, retrying, blocked, outbox.purgeExpired());
    }
}
