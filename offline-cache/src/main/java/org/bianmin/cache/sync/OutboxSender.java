package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox entries oldest first with their idempotency keys. A transient failure ends the pass and
 * pauses delivery for at least the portal's Retry-After, else for an exponential backoff with full jitter, so
 * a hall of kiosks does not hammer a portal that is coming back. A permanent failure blocks only that entry.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** Submissions are dated in the hall's offset (China Standard Time; no daylight saving). */
    private static final ZoneOffset HALL = ZoneOffset.ofHours(8);

    private final PortalClient client;
    private final SyncSettings settings;
    private final OutboxPort outbox;
    private final Clock clock;
    private final Consumer<SyncAlert> alerts;
    private final RandomGenerator random;
    private final Supplier<Optional<HolderKey>> holderKey;
    private final ObjectMapper json = CatalogueReader.mapper();
    private Instant pausedUntil = Instant.MIN;
    private int consecutiveFailures;

    OutboxSender(PortalClient client, SyncSettings settings, OutboxPort outbox, Clock clock,
                 Consumer<SyncAlert> alerts, RandomGenerator random, Supplier<Optional<HolderKey>> holderKey) {
        this.client = client;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.alerts = alerts;
        this.random = random;
        this.holderKey = holderKey;
    }

    Instant pausedUntil() {
        return pausedUntil;
    }

    DeliveryPass deliver() {
        Instant start = clock.instant();
        if (start.isBefore(pausedUntil)) {
            return new DeliveryPass(0, 0, 0, pausedUntil);
        }
        int delivered = 0;
        int blocked = 0;
        for (Optional<OutboundEntry> next = outbox.claimNextDue(start); next.isPresent();
             next = outbox.claimNextDue(start)) {
            OutboundEntry entry = next.get();
            OutboxPort.Outcome outcome = send(entry);
            outbox.acknowledge(entry, outcome);
            switch (outcome) {
                case OutboxPort.Outcome.Delivered d -> {
                    delivered++;
                    consecutiveFailures = 0;
                }
                case OutboxPort.Outcome.Permanent p -> {
                    blocked++;
                    LOG.warn("outbox entry {} (receipt {}) blocked: {}", entry.id(), entry.receiptNumber(), p.reason());
                    alerts.accept(new SyncAlert(SyncAlert.Kind.ENTRY_BLOCKED, "receipt " + entry.receiptNumber()
                            + ": " + p.reason(), clock.instant()));
                }
                case OutboxPort.Outcome.Transient t -> {
                    pausedUntil = clock.instant().plus(pause(t.retryAfter()));
                    LOG.info("delivery paused until {} after entry {}: {}", pausedUntil, entry.id(), t.error());
                    return new DeliveryPass(delivered, 1, blocked, pausedUntil);
                }
            }
        }
        return new DeliveryPass(delivered, 0, blocked, clock.instant());
    }

    private Duration pause(Duration retryAfter) {
        consecutiveFailures++;
        long cap = settings.maxBackoff().toMillis();
        long exp = FIRST_BACKOFF.toMillis() << Math.min(consecutiveFailures - 1, 20);
        long jittered = random.nextLong(Math.min(cap, exp) + 1);
        return Duration.ofMillis(Math.max(retryAfter.toMillis(), jittered));
    }

    private OutboxPort.Outcome send(OutboundEntry entry) {
        byte[] body;
        String path;
        try {
            if (entry.kind() == OutboundEntry.Kind.APPLICATION) {
                SubmissionPayloads.Application a = SubmissionPayloads.read(entry.payload(),
                        SubmissionPayloads.Application.class);
                String holder = null;
                if (a.holderIdNumber() != null) {
                    Optional<HolderKey> key = holderKey.get();
                    if (key.isEmpty()) {
                        // Without it the applicant could not find this application by card later: wait for it.
                        return new OutboxPort.Outcome.Transient("the portal's holder key is not known yet",
                                Duration.ZERO);
                    }
                    holder = key.get().hash(a.holderIdNumber());
                }
                body = json.writeValueAsBytes(new SubmissionRequest(entry.receiptNumber(), settings.kioskId(),
                        entry.itemCode(), a.catalogueVersion(), entry.createdAt().atOffset(HALL), a.fields(), holder));
                path = ApiPaths.SUBMISSIONS;
            } else {
                SubmissionPayloads.Rating r = SubmissionPayloads.read(entry.payload(), SubmissionPayloads.Rating.class);
                body = json.writeValueAsBytes(new RatingRequest(settings.kioskId(), entry.itemCode(),
                        r.ratedReceiptNumber(), r.score(), r.reasons(), r.comment(), entry.createdAt().atOffset(HALL)));
                path = ApiPaths.RATINGS;
            }
        } catch (IOException e) {
            return new OutboxPort.Outcome.Permanent(e.getMessage());
        }
        PortalClient.Reply reply = client.postJson(path, entry.idempotencyKey(), body);
        if (reply instanceof PortalClient.Reply.Answered a && a.status() == 401) {
            // The kiosk's credential, not this entry, is wrong: keep the entry and tell the operator.
            alerts.accept(new SyncAlert(SyncAlert.Kind.CREDENTIAL_REJECTED,
                    "the portal rejected this kiosk's credential (401)", clock.instant()));
            return new OutboxPort.Outcome.Transient("credential rejected (401)", settings.maxBackoff());
        }
        return client.classify(reply);
    }
}
