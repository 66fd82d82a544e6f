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
 * failure makes the entry due again just after the pass that tried it (the port's contract), with no backoff.
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

        Entry(OutboundEntry entry) {
            this.entry = entry;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized OutboundEntry addApplication(String receipt, String itemCode, Instant at) {
        byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Application(1,
                Map.of("name", "张三", "idNumber", "350102199001011234"), null));
        OutboundEntry e = new OutboundEntry(entries.size() + 1, UUID.randomUUID().toString(), receipt,
                OutboundEntry.Kind.APPLICATION, itemCode, at, 0, payload);
        entries.add(new Entry(e));
        return e;
    }

    synchronized OutboundEntry addRating(String receipt, String itemCode, Instant at) {
        byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Rating(5, null, "很好", null));
        OutboundEntry e = new OutboundEntry(entries.size() + 1, UUID.randomUUID().toString(), receipt,
                OutboundEntry.Kind.RATING, itemCode, at, 0, payload);
        entries.add(new Entry(e));
        return e;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized Optional<OutboundEntry> claimNextDue(Instant dueBy) {
        for (Entry e : entries) {
            if (e.state == State.PENDING && !e.notBefore.isAfter(dueBy)) {
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
            case Outcome.Delivered d -> e.state = State.DELIVERED;
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
