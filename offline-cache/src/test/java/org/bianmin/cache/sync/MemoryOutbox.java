package org.bianmin.cache.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A test double of the outbox port: entries in id order, due at once, blocked on a permanent failure; a transient
 * failure makes the entry due again just after the pass that tried it (the port's contract), with no backoff; a
 * rating added with {@code after} waits until that entry is delivered.
 */
final class MemoryOutbox implements OutboxPort {

    enum State { PENDING, SENDING, DELIVERED, BLOCKED }

    static final class Entry {
        final OutboundEntry entry;
        State state = State.PENDING;
        int attempts;
        Instant notBefore = Instant.MIN;
        Instant claimedFor;
        String reason;
        /** The id of the entry that must be delivered first (0: none). */
        final long after;

        Entry(OutboundEntry entry, long after) {
            this.entry = entry;
            this.after = after;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Long> deliveredOrder = new ArrayList<>();

    synchronized OutboundEntry addApplication(String receipt, String itemCode, Instant at) {
        byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Application(1,
                Map.of("name", "张三", "idNumber", "350102199001011234"), null));
        OutboundEntry e = new OutboundEntry(entries.size() + 1, UUID.randomUUID().toString(), receipt,
                OutboundEntry.Kind.APPLICATION, itemCode, at, 0, payload);
        entries.add(new Entry(e, 0));
        return e;
    }

    synchronized OutboundEntry addRating(String receipt, String itemCode, Instant at) {
        return addRating(receipt, itemCode, at, 0);
    }

    /** A rating that may be sent only after entry {@code after} is delivered. */
    synchronized OutboundEntry addRating(String receipt, String itemCode, Instant at, long after) {
        byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Rating(5, null, "很好", null));
        OutboundEntry e = new OutboundEntry(entries.size() + 1, UUID.randomUUID().toString(), receipt,
                OutboundEntry.Kind.RATING, itemCode, at, 0, payload);
        entries.add(new Entry(e, after));
        return e;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Ids in the order their deliveries were acknowledged. */
    synchronized List<Long> deliveredOrder() {
        return List.copyOf(deliveredOrder);
    }

    @Override
    public synchronized Optional<OutboundEntry> claimNextDue(Instant dueBy) {
        for (Entry e : entries) {
            if (e.state == State.PENDING && !e.notBefore.isAfter(dueBy)
                    && (e.after == 0 || entries.get((int) e.after - 1).state == State.DELIVERED)) {
                e.state = State.SENDING;
                e.claimedFor = dueBy;
                e.attempts++;
                OutboundEntry o = e.entry;
                return Optional.of(new OutboundEntry(o.id(), o.idempotencyKey(), o.receiptNumber(), o.kind(),
                        o.itemCode(), o.createdAt(), e.attempts, o.payload()));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void acknowledge(OutboundEntry sent, Outcome outcome) {
        Entry e = entries.get((int) sent.id() - 1);
        switch (outcome) {
            case Outcome.Delivered d -> {
                e.state = State.DELIVERED;
                deliveredOrder.add(sent.id());
            }
            case Outcome.Transient t -> {
                e.state = State.PENDING;
                e.notBefore = e.claimedFor.plusMillis(1);
            }
            case Outcome.Permanent p -> {
                e.state = State.BLOCKED;
                e.reason = p.reason();
            }
        }
    }

    @Override
    public synchronized Backlog backlog(Instant now) {
        List<Entry> pending = entries.stream().filter(e -> e.state == State.PENDING || e.state == State.SENDING)
                .toList();
        Duration oldest = pending.isEmpty() ? Duration.ZERO : Duration.between(pending.getFirst().entry.createdAt(), now);
        return new Backlog(pending.size(), oldest, (int) entries.stream().filter(e -> e.state == State.BLOCKED).count());
    }
}
