package org.bianmin.portal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, the same for every database: {@link SqlitePortalStoreTest} and
 * {@link PostgresPortalStoreTest} run these tests. The clock stands still, so rows written in one test share their
 * times and the order of insertion has to break ties.
 */
abstract class PortalStoreContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);
    static final String ITEM = "11350102488130529A2001006010001";

    PortalStore store;

    /** A new, empty database. */
    abstract PortalDatabase database();

    @BeforeEach
    void open() {
        store = database().open(CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static SubmissionRequest submission(String receipt, String holderKey) {
        return new SubmissionRequest(receipt, "kiosk-a", ITEM, 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                Map.of("name", "张三", "idNumber", "350102199001011234"), holderKey);
    }

    @Test
    void aSubmissionIsStoredOncePerKeyAndItsReceiptNumberOnce() {
        Answer first = store.submit("kiosk-a", "key-1", submission("A-1", null), false);
        assertThat(first).isInstanceOf(Answer.Stored.class);
        Answer.Replayed again = (Answer.Replayed) store.submit("kiosk-a", "key-1", submission("A-1", null), false);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(((Answer.Stored) first).body());
        assertThat(store.submit("kiosk-a", "key-1", submission("A-2", null), false))
                .isInstanceOf(Answer.KeyReused.class);
        assertThat(store.submit("kiosk-a", "key-2", submission("A-1", null), false))
                .isEqualTo(new Answer.ReceiptTaken("A-1"));
        // The key is the kiosk's own: another kiosk's same key is another request.
        assertThat(store.submit("kiosk-b", "key-1", submission("B-1", null), false))
                .isInstanceOf(Answer.Stored.class);
        assertThat(store.count("submission")).isEqualTo(2);
    }

    @Test
    void statesMoveOnlyAlongTheirRulesAndKeepTheirHistory() {
        store.submit("kiosk-a", "k1", submission("A-1", null), false);
        store.submit("kiosk-a", "k2", submission("A-2", null), true);
        assertThat(store.status("A-2").orElseThrow().history()).extracting(SubmissionStatus.StatusChange::state)
                .containsExactly(SubmissionState.RECEIVED, SubmissionState.COMPLETED);

        assertThat(store.advance("A-1", SubmissionState.COMPLETED, null))
                .isEqualTo(new PortalStore.Advance.NotAllowed(SubmissionState.RECEIVED, SubmissionState.COMPLETED));
        assertThat(store.advance("nope", SubmissionState.ACCEPTED, null)).isEqualTo(new PortalStore.Advance.NotFound());
        store.advance("A-1", SubmissionState.ACCEPTED, "  材料齐全 ");
        PortalStore.Advance moved = store.advance("A-1", SubmissionState.REJECTED, " ");
        SubmissionStatus status = ((PortalStore.Advance.Moved) moved).status();
        assertThat(status.state()).isEqualTo(SubmissionState.REJECTED);
        assertThat(status.history()).extracting(SubmissionStatus.StatusChange::state, SubmissionStatus.StatusChange::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SubmissionState.RECEIVED, null),
                        org.assertj.core.groups.Tuple.tuple(SubmissionState.ACCEPTED, "材料齐全"),
                        org.assertj.core.groups.Tuple.tuple(SubmissionState.REJECTED, null));
        assertThat(store.advance("A-1", SubmissionState.ACCEPTED, null))
                .isInstanceOf(PortalStore.Advance.NotAllowed.class);
    }

    @Test
    void recentAndHolderListsAreNewestFirstEvenWithinTheSameInstant() {
        String holder = "a".repeat(64);
        for (String receipt : List.of("A-1", "A-2", "A-3")) {
            store.submit("kiosk-a", receipt, submission(receipt, receipt.equals("A-2") ? null : holder), false);
        }
        assertThat(store.recentSubmissions(2)).extracting(SubmissionStatus::receiptNumber)
                .containsExactly("A-3", "A-2");
        assertThat(store.submissionsByHolder(holder, 10)).extracting(SubmissionStatus::receiptNumber)
                .containsExactly("A-3", "A-1");
        assertThat(store.submissionsByHolder("b".repeat(64), 10)).isEmpty();
    }

    @Test
    void ratingsKeepTheirReasonsAndAreListedNewestFirst() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-21T10:05:00+08:00");
        Answer first = store.rate("kiosk-a", "r1", new RatingRequest("kiosk-a", ITEM, "A-1", 1,
                List.of(RatingReason.OTHER, RatingReason.SLOW), "排队太久", at));
        store.rate("kiosk-a", "r2", new RatingRequest("kiosk-a", ITEM, null, 5, List.of(), null, at));
        assertThat(store.rate("kiosk-a", "r1", new RatingRequest("kiosk-a", ITEM, "A-1", 1,
                List.of(RatingReason.OTHER, RatingReason.SLOW), "排队太久", at)))
                .isInstanceOf(Answer.Replayed.class)
                .satisfies(r -> assertThat(((Answer.Replayed) r).body()).isEqualTo(((Answer.Stored) first).body()));
        List<StoredRating> ratings = store.recentRatings(10);
        assertThat(ratings).extracting(StoredRating::score).containsExactly(5, 1);
        assertThat(ratings.get(1).reasons()).containsExactly(RatingReason.SLOW, RatingReason.OTHER);
        assertThat(ratings.get(1).comment()).isEqualTo("排队太久");
        assertThat(ratings.get(0).reasons()).isEmpty();
        assertThat(ratings.get(0).id()).isGreaterThan(ratings.get(1).id());
        assertThat(store.count("rating")).isEqualTo(2);
    }

    @Test
    void credentialsAreFoundByTokenUntilReplacedOrRevoked() {
        String old = store.registerKiosk("kiosk-a");
        String token = store.registerKiosk("kiosk-a");
        assertThat(store.kioskForToken(old)).isEmpty();
        assertThat(store.kioskForToken(token)).hasValue("kiosk-a");
        assertThat(store.revokeKiosk("kiosk-a")).isTrue();
        assertThat(store.revokeKiosk("kiosk-z")).isFalse();
        assertThat(store.kioskForToken(token)).isEmpty();
        assertThat(store.registerKiosk("kiosk-a")).satisfies(t -> assertThat(store.kioskForToken(t)).isPresent());

        String operator = store.createFirstOperator("operator").orElseThrow();
        assertThat(store.createFirstOperator("someone")).isEmpty();
        assertThat(store.operatorForToken(operator)).hasValue("operator");
        String second = store.createOperator("operator");
        assertThat(store.operatorForToken(operator)).isEmpty();
        assertThat(store.operatorForToken(second)).hasValue("operator");
    }

    @Test
    void onlyANewerCatalogueIsPublishedAndKeysAreKeptPublicOnly() {
        assertThat(store.currentCatalogue()).isEmpty();
        assertThat(store.publish(2, new byte[] {1, 2}, new byte[] {3})).isTrue();
        assertThat(store.publish(2, new byte[] {9}, new byte[] {9})).isFalse();
        assertThat(store.publish(1, new byte[] {9}, new byte[] {9})).isFalse();
        PublishedCatalogue current = store.currentCatalogue().orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.body()).containsExactly(1, 2);
        assertThat(current.etag()).isEqualTo(PortalStore.etag(new byte[] {1, 2}));

        KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
        store.trustKey(key);
        store.trustKey(key);
        assertThat(store.trustedKeys()).containsExactly(key.publicOnly());
    }

    @Test
    void theLatestHeartbeatPerKioskIsKept() {
        store.registerKiosk("kiosk-a");
        store.registerKiosk("kiosk-b");
        store.heartbeat(heartbeat("kiosk-a", 1));
        store.heartbeat(heartbeat("kiosk-a", 7));
        assertThat(store.count("heartbeat")).isEqualTo(1);
        assertThat(store.kiosks()).extracting(k -> k.kioskId(), k -> k.lastHeartbeat() == null ? null
                        : k.lastHeartbeat().catalogueVersion())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kiosk-a", 7L),
                        org.assertj.core.groups.Tuple.tuple("kiosk-b", null));
    }

    @Test
    void theFleetIsPagedFilteredAndCountedInTheDatabase() {
        for (String id : List.of("kiosk-a", "kiosk-b", "kiosk-c", "kiosk-d", "kiosk-e")) {
            store.registerKiosk(id);
        }
        store.revokeKiosk("kiosk-b");
        store.heartbeat(heartbeat("kiosk-a", 1));
        store.heartbeat(new Heartbeat("kiosk-c", "0.1.0", 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(new Heartbeat.DeviceReport("printer", Heartbeat.DeviceState.WARNING, "paper low",
                        List.of(new Heartbeat.Supply("paper", Heartbeat.SupplyLevel.LOW)))), 0, 0, 0, null,
                List.of(), List.of(new Heartbeat.Check("port idcard", Heartbeat.CheckStatus.FAIL, "missing"))));
        store.heartbeat(new Heartbeat("kiosk-d", "0.1.0", 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(), 4, 30, 1, null, List.of("2026-11-21T01:00:00Z CATALOGUE_REFUSED: unknown key"), List.of()));
        Instant now = CLOCK.instant();

        Fleet all = store.fleet(new Fleet.Filter.All(), "", now, 0, 100);
        assertThat(all.counts()).isEqualTo(new Fleet.Counts(5, 1, 1, Map.of(KioskFlag.SUPPLY_LOW, 1L,
                KioskFlag.DEVICE_FAULT, 0L, KioskFlag.SELF_CHECK_FAILED, 1L, KioskFlag.OUTBOX_BACKLOG, 1L,
                KioskFlag.CATALOGUE_REFUSED, 1L)));
        assertThat(all.counts().online()).isEqualTo(3);
        assertThat(ids(store.fleet(new Fleet.Filter.Offline(), "", now, 0, 100))).containsExactly("kiosk-e");
        assertThat(ids(store.fleet(new Fleet.Filter.Offline(), "", now.plusSeconds(1), 0, 100)))
                .containsExactly("kiosk-a", "kiosk-c", "kiosk-d", "kiosk-e");
        assertThat(ids(store.fleet(new Fleet.Filter.Revoked(), "", now, 0, 100))).containsExactly("kiosk-b");
        assertThat(ids(store.fleet(new Fleet.Filter.Flagged(KioskFlag.SUPPLY_LOW), "", now, 0, 100)))
                .containsExactly("kiosk-c");
        assertThat(ids(store.fleet(new Fleet.Filter.Flagged(KioskFlag.CATALOGUE_REFUSED), "", now, 0, 100)))
                .containsExactly("kiosk-d");
        Fleet page = store.fleet(new Fleet.Filter.All(), "KIOSK-", now, 1, 2);
        assertThat(ids(page)).containsExactly("kiosk-b", "kiosk-c");
        assertThat(page.matching()).isEqualTo(5);
        assertThat(store.fleet(new Fleet.Filter.All(), "kiosk-d", now, 0, 100).matching()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.fleet(new Fleet.Filter.All(), "k%", now, 0, 9))
                .isInstanceOf(IllegalArgumentException.class);

        PortalStore.HeartbeatAges ages = store.heartbeatAges(now.plusSeconds(90),
                List.of(Duration.ofSeconds(60), Duration.ofSeconds(120)));
        assertThat(ages).isEqualTo(new PortalStore.HeartbeatAges(List.of(0L, 3L), 3, 270.0));
        store.submit("kiosk-a", "key-1", submission("A-1", null), false);
        assertThat(store.submissionsByState()).containsEntry(SubmissionState.RECEIVED, 1L)
                .containsEntry(SubmissionState.COMPLETED, 0L).hasSize(SubmissionState.values().length);
    }

    private static List<String> ids(Fleet fleet) {
        return fleet.page().stream().map(k -> k.kioskId()).toList();
    }

    @Test
    void aTestEidCodeIsGoodForOneVerificationBeforeItExpires() {
        EidIdentity holder = holder();
        String token = store.issueEid(holder, Duration.ofMinutes(5)).token();
        assertThat(store.verifyEid(token, "kiosk-a")).isEqualTo(new PortalStore.EidOutcome.Verified(holder));
        assertThat(store.verifyEid(token, "kiosk-a")).isEqualTo(new PortalStore.EidOutcome.Used());
        assertThat(store.verifyEid(store.issueEid(holder, Duration.ZERO).token(), "kiosk-a"))
                .isEqualTo(new PortalStore.EidOutcome.Expired());
        assertThat(store.verifyEid("EID:unknown", "kiosk-a")).isEqualTo(new PortalStore.EidOutcome.Unknown());
    }

    @Test
    void theHolderKeyIsMadeOnceAndOutlivesTheStore() {
        var key = store.holderKey();
        assertThat(store.holderKey()).isEqualTo(key);
        store.submit("kiosk-a", "k1", submission("A-1", null), false);
        store.close();
        store = reopen();
        assertThat(store.holderKey()).isEqualTo(key);
        assertThat(store.status("A-1")).isPresent();
    }

    /** The same database opened again (its migrations already applied). */
    abstract PortalStore reopen();

    static EidIdentity holder() {
        return new EidIdentity("李四", EidIdentity.Gender.FEMALE, "汉", java.time.LocalDate.of(1985, 5, 5),
                "福建省厦门市思明区示例路2号", "350203198505050026", "厦门市公安局思明分局",
                java.time.LocalDate.of(2021, 3, 1), null);
    }

    static Heartbeat heartbeat(String kioskId, long catalogueVersion) {
        return new Heartbeat(kioskId, "0.1.0", catalogueVersion, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(), 0, 0, 0, null, List.of(), List.of());
    }
}
