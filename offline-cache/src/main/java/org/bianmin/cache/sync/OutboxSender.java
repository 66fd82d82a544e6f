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
import org.bianmin.cache.outbox.Backoff;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox entries oldest first with their idempotency keys. A transient failure puts only that
 * entry back (the outbox retries it at its own backoff) and the pass goes on with the next entry, so one payload
 * that a proxy keeps refusing does not hold back the applications behind it. The whole of delivery pauses only
 * when the portal as a whole looks unwell: it asked for it (Retry-After), the credential was rejected, or
 * {@value #FAILURES_TO_PAUSE} sends in a row failed ({@value #NO_ANSWERS_TO_PAUSE} without any answer). The pause
 * is an exponential {@link Backoff} (1 s doubling, at most {@link SyncSettings#maxBackoff()}, at least the
 * Retry-After), reset by the next delivered entry, so a hall of kiosks does not hammer a portal that is
 * coming back. A permanent failure blocks only that entry.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /**
     * Failures in a row that pause delivery: independent failures of 40 % of requests reach it once in ~150
     * entries, a portal that is down at the first few entries of a pass.
     */
    static final int FAILURES_TO_PAUSE = 8;
    /** Sends in a row without an answer that pause delivery (each may cost a connect timeout). */
    static final int NO_ANSWERS_TO_PAUSE = 3;
    /**
     * How long one pass may send before it yields the sync thread: heartbeats, catalogue checks and the watchdog's
     * probe wait behind a pass, and a long backlog at a slow portal would otherwise hold them for minutes.
     */
    static final Duration PASS_BUDGET = Duration.ofSeconds(20);
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
    /** Pauses since the last delivered entry: the exponent of the pause. */
    private int consecutivePauses;

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
            return new DeliveryPass(0, 0, 0, pausedUntil, false);
        }
        int delivered = 0;
        int retrying = 0;
        int blocked = 0;
        int failuresInARow = 0;
        int noAnswersInARow = 0;
        for (Optional<OutboundEntry> next = outbox.claimNextDue(start); next.isPresent();
             next = outbox.claimNextDue(start)) {
            OutboundEntry entry = next.get();
            OutboxPort.Outcome outcome = send(entry);
            outbox.acknowledge(entry, outcome);
            switch (outcome) {
                case OutboxPort.Outcome.Delivered d -> {
                    delivered++;
                    failuresInARow = 0;
                    noAnswersInARow = 0;
                    consecutivePauses = 0;
                }
                case OutboxPort.Outcome.Permanent p -> {
                    blocked++;
                    failuresInARow = 0;
                    noAnswersInARow = 0;
                    LOG.warn("outbox entry {} (receipt {}) blocked: {}", entry.id(), entry.receiptNumber(), p.reason());
                    alerts.accept(new SyncAlert(SyncAlert.Kind.ENTRY_BLOCKED, "receipt " + entry.receiptNumber()
                            + ": " + p.reason(), clock.instant()));
                }
                case OutboxPort.Outcome.Transient t -> {
                    retrying++;
                    failuresInARow++;
                    noAnswersInARow = t.answered() ? 0 : noAnswersInARow + 1;
                    if (t.retryAfter().isPositive() || failuresInARow >= FAILURES_TO_PAUSE
                            || noAnswersInARow >= NO_ANSWERS_TO_PAUSE) {
                        pausedUntil = clock.instant().plus(pause(t.retryAfter()));
                        LOG.info("delivery paused until {} after entry {}: {}", pausedUntil, entry.id(), t.error());
                        return new DeliveryPass(delivered, retrying, blocked, pausedUntil, false);
                    }
                    LOG.info("outbox entry {} will be retried at its backoff: {}", entry.id(), t.error());
                }
            }
            if (Duration.between(start, clock.instant()).compareTo(PASS_BUDGET) > 0) {
                return new DeliveryPass(delivered, retrying, blocked, clock.instant(), true);
            }
        }
        return new DeliveryPass(delivered, retrying, blocked, clock.instant(), false);
    }

    private Duration pause(Duration retryAfter) {
        consecutivePauses++;
        Duration backoff = new Backoff(FIRST_BACKOFF, settings.maxBackoff()).delay(consecutivePauses, random);
        return backoff.compareTo(retryAfter) >= 0 ? backoff : retryAfter;
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
                                Duration.ZERO, true);
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
            return new OutboxPort.Outcome.Transient("credential rejected (401)", settings.maxBackoff(), true);
        }
        return client.classify(reply);
    }
}
