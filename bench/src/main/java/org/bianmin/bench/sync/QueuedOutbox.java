package org.bianmin.bench.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bianmin.cache.sync.OutboundEntry;
import org.bianmin.cache.sync.OutboxPort;
import org.bianmin.cache.sync.SubmissionPayloads;

/**
 * An in-memory queue behind the sync engine's outbox port, so the delivery figure measures the wire and the
 * portal, not the kiosk's SQLite outbox.
 */
final class QueuedOutbox implements OutboxPort {

    private final List<OutboundEntry> entries = new ArrayList<>();
    private int next;
    private int delivered;

    QueuedOutbox(int count, String itemCode, Instant at) {
        byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Application(2,
                Map.of("name", "测试", "phone", "13800000000"), null));
        for (int i = 0; i < count; i++) {
            entries.add(new OutboundEntry(i + 1, UUID.randomUUID().toString(), "BENCH-%08d".formatted(i),
                    OutboundEntry.Kind.APPLICATION, itemCode, at, 1, payload));
        }
    }

    int delivered() {
        return delivered;
    }

    @Override
    public synchronized Optional<OutboundEntry> claimNextDue(Instant dueBy) {
        return next < entries.size() ? Optional.of(entries.get(next++)) : Optional.empty();
    }

    @Override
    public synchronized void acknowledge(OutboundEntry entry, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered) {
            delivered++;
        } else {
            throw new IllegalStateException("bench delivery failed: " + outcome);
        }
    }

    @Override
    public synchronized Backlog backlog(Instant now) {
        return new Backlog(entries.size() - next, Duration.ZERO, 0);
    }
}
