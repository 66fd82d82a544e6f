package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.cache.outbox.Backoff;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.TrustedKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine on the kiosk's real SQLite outbox at its default backoff, against a portal stub on loopback
 * that refuses some payloads: one failing entry must not hold back the unrelated entries behind it.
 */
class DeliveryPastFailuresTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private final List<SyncAlert> alerts = new ArrayList<>();
    private StubPortal portal;
    private OfflineCache cache;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        portal = new StubPortal();
        cache = OfflineCache.open(dir, dir.resolve("kiosk.db"), new OfflineCache.Settings("GL-0001",
                ZoneId.of("Asia/Shanghai"), Backoff.DEFAULT, Outbox.DEFAULT_RETENTION), clock, a -> {});
        engine = new SyncEngine(SyncSettings.defaults(portal.uri(), "GL-0001", "token", "t",
                        TrustedKeys.of(List.of(Ed25519Keys.toFile(Ed25519Keys.generate()).publicOnly())))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), clock, cache.catalogue(),
                new OfflineOutbox(cache.outbox()), List::of, alerts::add, new SplittableRandom(5));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        cache.close();
        portal.close();
    }

    @Test
    void anEntryAProxyKeepsRefusingDoesNotHoldBackTheApplicationsBehindIt() throws Exception {
        Accepted refused = apply("A");
        Accepted second = apply("B");
        Accepted third = apply("C");
        portal.answer(r -> r.body().contains(refused.receiptNumber()) ? 502 : 201);

        DeliveryPass pass = engine.deliverNow().get();
        assertThat(pass.delivered()).as("the later applications in the same pass").isEqualTo(2);
        assertThat(pass.retrying()).isEqualTo(1);
        assertThat(pass.resumeAt()).as("one refused entry does not pause delivery").isEqualTo(clock.instant());
        assertThat(received()).containsExactly(refused.receiptNumber(), second.receiptNumber(), third.receiptNumber());
        OutboxEntry waiting = cache.outbox().entry(refused.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(Duration.between(clock.instant(), waiting.nextAttemptAt()))
                .as("its own backoff, 10 s with jitter").isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(1));
        Accepted fourth = apply("D");
        assertThat(engine.deliverNow().get().delivered()).as("a new application is not held back either").isEqualTo(1);
        assertThat(received()).endsWith(fourth.receiptNumber()).filteredOn(refused.receiptNumber()::equals).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.deliverNow().get().retrying()).as("retried at its backoff").isEqualTo(1);
        assertThat(cache.outbox().entry(refused.id()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(cache.outbox().status()).containsEntry(DeliveryState.DELIVERED, 3L)
                .containsEntry(DeliveryState.PENDING, 1L);
    }

    @Test
    void aRatingIsSentOnlyAfterTheApplicationItRates() throws Exception {
        Accepted application = apply("A");
        Accepted rating = cache.outbox().enqueue(new NewSubmission(SubmissionKind.RATING, SyncFixture.PROMISED_ITEM,
                SubmissionPayloads.write(new SubmissionPayloads.Rating(5, null, null, application.receiptNumber())),
                OptionalLong.of(application.id())));
        Accepted other = apply("B");
        portal.answer(r -> r.body().contains(application.receiptNumber()) && r.path().equals(ApiPaths.SUBMISSIONS)
                ? 503 : 201);
        engine.deliverNow().get();
        assertThat(portal.requests("POST", ApiPaths.RATINGS)).as("not before its application").isEmpty();
        assertThat(received()).containsExactly(application.receiptNumber(), other.receiptNumber());

        portal.answer(r -> 201);
        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.deliverNow().get().delivered()).isEqualTo(2);
        assertThat(portal.requests("POST", ApiPaths.RATINGS)).singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(rating.idempotencyKey().toString()));
    }

    @Test
    void aPortalThatAnswersNothingPausesTheWholeQueueAfterAFewTries() throws Exception {
        for (int i = 0; i < 20; i++) {
            apply("N" + i);
        }
        portal.close();
        DeliveryPass pass = engine.deliverNow().get();
        assertThat(pass.retrying()).as("a few tries, not one timeout per entry").isEqualTo(3);
        assertThat(pass.resumeAt()).isAfter(clock.instant());
        assertThat(engine.deliverNow().get().retrying()).as("paused").isZero();
    }

    @Test
    void aPassYieldsTheSyncThreadOnceItsTimeBudgetIsSpentAndTheNextGoesOn() throws Exception {
        Accepted first = apply("A");
        Accepted second = apply("B");
        Accepted third = apply("C");
        Duration perAnswer = OutboxSender.PASS_BUDGET.dividedBy(2).plusSeconds(1);
        portal.answer(r -> {
            clock.advance(perAnswer); // a slow portal: each answer takes over half the budget
            return 201;
        });
        DeliveryPass pass = engine.deliverNow().get();
        assertThat(pass.delivered()).as("two answers spend the budget").isEqualTo(2);
        assertThat(pass.more()).isTrue();
        DeliveryPass next = engine.deliverNow().get();
        assertThat(next.delivered()).isEqualTo(1);
        assertThat(next.more()).isFalse();
        assertThat(received()).containsExactly(first.receiptNumber(), second.receiptNumber(), third.receiptNumber());
    }

    private Accepted apply(String name) {
        return cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, SyncFixture.PROMISED_ITEM,
                SubmissionPayloads.write(new SubmissionPayloads.Application(1, Map.of("name", name), null))));
    }

    /** Receipt numbers of the submissions the portal received, in order (retries included). */
    private List<String> received() {
        return portal.requests("POST", ApiPaths.SUBMISSIONS).stream()
                .map(r -> r.body().replaceAll("(?s).*\"receiptNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1")).toList();
    }
}
