package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.cache.outbox.Backoff;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.SubmissionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine on the kiosk's real encrypted SQLite outbox, through the fault proxy to the portal. */
class OfflineOutboxTest {

    @TempDir
    Path dir;
    private SyncFixture f;
    private FaultProxy proxy;
    private OfflineCache cache;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        f = new SyncFixture(dir.resolve("fixture"));
        proxy = new FaultProxy(f.portal.port());
        cache = OfflineCache.open(dir, dir.resolve("kiosk.db"), new OfflineCache.Settings(f.creds.kioskId().toUpperCase(Locale.ROOT),
                ZoneId.of("Asia/Shanghai"), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                Outbox.DEFAULT_RETENTION), f.clock, a -> {});
        engine = new SyncEngine(f.settings(URI.create("http://127.0.0.1:" + proxy.port() + "/")), f.clock,
                cache.catalogue(), new OfflineOutbox(cache.outbox()), List::of, f.alerts::add, new SplittableRandom(3));
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.close();
        proxy.close();
        cache.close();
        f.close();
    }

    @Test
    void everyQueuedSubmissionReachesThePortalExactlyOnceDespiteResetsAndAnOutage() throws Exception {
        assertThat(engine.checkCatalogueNow().get()).isInstanceOf(CatalogueCheck.Applied.class);
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            accepted.add(cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION,
                    SyncFixture.PROMISED_ITEM, SubmissionPayloads.write(new SubmissionPayloads.Application(1,
                            Map.of("name", "李四", "phone", "13800000000"), null)))));
        }
        accepted.add(cache.outbox().enqueue(new NewSubmission(SubmissionKind.RATING, SyncFixture.PROMISED_ITEM,
                SubmissionPayloads.write(new SubmissionPayloads.Rating(2, List.of(RatingReason.SLOW,
                        RatingReason.UNCLEAR_GUIDANCE), "排队太久", accepted.getFirst().receiptNumber())))));

        proxy.fault(FaultProxy.Mode.RESET_AFTER_FORWARD, 1);
        engine.deliverNow().get();
        proxy.mode(FaultProxy.Mode.DOWN);
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            engine.deliverNow().get();
        }
        OutboxPort.Backlog backlog = new OfflineOutbox(cache.outbox()).backlog(f.clock.instant());
        assertThat(backlog.pending()).isEqualTo(41);
        assertThat(backlog.oldestPendingAge()).isEqualTo(Duration.ofMinutes(5));

        proxy.mode(FaultProxy.Mode.PASS);
        for (int i = 0; i < 10 && cache.outbox().status().get(DeliveryState.DELIVERED) < 41; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            engine.deliverNow().get();
        }
        assertThat(cache.outbox().status().get(DeliveryState.DELIVERED)).isEqualTo(41);
        assertThat(f.portal.store().count("submission")).isEqualTo(40);
        assertThat(f.portal.store().count("rating")).isEqualTo(1);
        assertThat(f.portal.store().recentRatings(1)).singleElement().satisfies(r -> {
            assertThat(r.reasons()).containsExactly(RatingReason.SLOW, RatingReason.UNCLEAR_GUIDANCE);
            assertThat(r.comment()).isEqualTo("排队太久");
            assertThat(r.receiptNumber()).isEqualTo(accepted.getFirst().receiptNumber());
        });
        // Receipt numbers end in check digits: nothing in them needs escaping on the way to the portal and back.
        assertThat(accepted).allMatch(a -> a.receiptNumber().matches("GL-0001-[0-9]{8}-[0-9]{4}-[0-9]{2}"));
        for (Accepted a : accepted.subList(0, 40)) {
            assertThat(engine.lookup(a.receiptNumber())).as(a.receiptNumber()).isInstanceOf(ReceiptStatus.Live.class);
        }
    }

    @Test
    void aHoldersApplicationsAreFoundQueuedHereThenAtThePortalThenAsLastKnown() throws Exception {
        String holder = "110105199003071239";
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.addFirst(apply(holder));
        }
        String someoneElse = apply("35010219850520002X");
        cache.outbox().enqueue(new NewSubmission(SubmissionKind.RATING, SyncFixture.PROMISED_ITEM,
                SubmissionPayloads.write(new SubmissionPayloads.Rating(5, null, null, mine.getFirst()))));

        proxy.mode(FaultProxy.Mode.DOWN);
        engine.deliverNow().get();
        assertThat(cache.outbox().undelivered(SubmissionPayloads.applicationBy(holder)))
                .extracting(OutboxEntry::receiptNumber).containsExactlyElementsOf(mine);
        assertThat(cache.outbox().undelivered(SubmissionPayloads.applicationBy("35010219850520002x")))
                .extracting(OutboxEntry::receiptNumber).containsExactly(someoneElse);
        assertThat(engine.lookupHolder(holder)).isInstanceOf(HolderStatus.Unavailable.class);

        proxy.mode(FaultProxy.Mode.PASS);
        for (int i = 0; i < 10 && cache.outbox().status().get(DeliveryState.DELIVERED) < 5; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            engine.deliverNow().get();
        }
        assertThat(cache.outbox().undelivered(SubmissionPayloads.applicationBy(holder))).isEmpty();
        assertThat(engine.lookupHolder(holder)).isInstanceOfSatisfying(HolderStatus.Live.class, live -> assertThat(
                live.applications()).extracting(SubmissionStatus::receiptNumber).containsExactlyElementsOf(mine));
        assertThat(engine.lookupHolder("35010219850520002X")).isInstanceOfSatisfying(HolderStatus.Live.class,
                live -> assertThat(live.applications()).singleElement()
                        .extracting(SubmissionStatus::receiptNumber).isEqualTo(someoneElse));

        proxy.mode(FaultProxy.Mode.DOWN);
        assertThat(engine.lookupHolder(holder)).isInstanceOfSatisfying(HolderStatus.LastKnown.class, known -> {
            assertThat(known.applications()).extracting(SubmissionStatus::receiptNumber).containsExactlyElementsOf(mine);
            assertThat(known.learnedAt()).isEqualTo(f.clock.instant());
        });
        assertThat(engine.lookupHolder("440106200001010011")).isInstanceOf(HolderStatus.Unavailable.class);
    }

    private String apply(String holderIdNumber) {
        return cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, SyncFixture.PROMISED_ITEM,
                SubmissionPayloads.write(new SubmissionPayloads.Application(1, Map.of("phone", "13800000000"),
                        holderIdNumber)))).receiptNumber();
    }
}
