package org.bianmin.cache.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bianmin.cache.outbox.DeliveryResult;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.Outgoing;
import org.bianmin.cache.outbox.SubmissionKind;

/**
 * Binds the sync engine to the kiosk's durable {@link Outbox}: claim and acknowledge map one to one; the outbox
 * schedules a failed entry's next attempt with that entry's own backoff (10 s doubling, at most 30 min, stored
 * in its row), while the engine additionally pauses all delivery when the portal as a whole is unwell
 * (Retry-After, failures in a row).
 *
 * <p>Order: due entries are handed out oldest first; one waiting for its retry holds back only the entries
 * that depend on it (a rating on its application, {@link Outbox#claimNextDue(Instant)}), and each is delivered
 * exactly once.
 */
public final class OfflineOutbox implements OutboxPort {

    /** How many recent entries the heartbeat scans for the oldest pending one. */
    private static final int SCAN = 10_000;

    private final Outbox outbox;

    public OfflineOutbox(Outbox outbox) {
        this.outbox = outbox;
        // A previous process may have died mid-send: those entries go out again, with the same key.
        outbox.releaseInterrupted();
    }

    @Override
    public Optional<OutboundEntry> claimNextDue(Instant dueBy) {
        return outbox.claimNextDue(dueBy).map(o -> new OutboundEntry(o.id(), o.idempotencyKey().toString(),
                o.receiptNumber(), o.kind() == SubmissionKind.RATING ? OutboundEntry.Kind.RATING
                : OutboundEntry.Kind.APPLICATION, o.itemCode(), o.createdAt(), o.attempt(), o.personalPayload()));
    }

    @Override
    public void acknowledge(OutboundEntry entry, Outcome outcome) {
        Outgoing sent = new Outgoing(entry.id(), UUID.fromString(entry.idempotencyKey()), entry.receiptNumber(),
                entry.kind() == OutboundEntry.Kind.RATING ? SubmissionKind.RATING : SubmissionKind.APPLICATION,
                entry.itemCode(), entry.createdAt(), entry.attempt(), null);
        outbox.acknowledge(sent, switch (outcome) {
            case Outcome.Delivered d -> new DeliveryResult.Delivered();
            case Outcome.Transient t -> new DeliveryResult.TransientFailure(t.error());
            case Outcome.Permanent p -> new DeliveryResult.PermanentFailure(p.reason());
        });
    }

    @Override
    public Backlog backlog(Instant now) {
        Map<DeliveryState, Long> counts = outbox.status();
        Duration oldest = outbox.list(SCAN).stream()
                .filter(e -> e.state() == DeliveryState.PENDING || e.state() == DeliveryState.SENDING)
                .map(OutboxEntry::createdAt).min(Instant::compareTo)
                .map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        return new Backlog((int) (counts.get(DeliveryState.PENDING) + counts.get(DeliveryState.SENDING)), oldest,
                counts.get(DeliveryState.BLOCKED).intValue());
    }
}
