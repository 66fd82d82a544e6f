package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.KioskSummary;
import org.bianmin.protocol.api.SubmissionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine against the real portal through a fault-injecting proxy: every submission delivered exactly
 * once; status lookups and e-ID verifications degrade honestly.
 */
class DeliveryFaultTest {

    private static final EidIdentity HOLDER = new EidIdentity("李四", EidIdentity.Gender.FEMALE, "回",
            LocalDate.of(1985, 5, 20), "福建省福州市鼓楼区示例路2号", "35010219850520002X", "福州市公安局鼓楼分局",
            LocalDate.of(2015, 5, 20), LocalDate.of(2035, 5, 20));

    @TempDir
    Path dir;
    private SyncFixture f;
    private FaultProxy proxy;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        f = new SyncFixture(dir);
        proxy = new FaultProxy(f.portal.port());
        engine = f.engine(f.settings(URI.create("http://127.0.0.1:" + proxy.port() + "/"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)));
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        f.close();
    }

    @Test
    void aResetAfterThePortalStoredTheSubmissionIsRetriedWithoutADuplicate() throws Exception {
        f.outbox.addApplication("GL-20261121-0001", SyncFixture.PROMISED_ITEM, f.clock.instant());
        proxy.fault(FaultProxy.Mode.RESET_AFTER_FORWARD, 1);
        DeliveryPass first = engine.deliverNow().get();
        assertThat(first.retrying()).isEqualTo(1);
        assertThat(f.portal.store().count("submission")).as("stored, answer lost").isEqualTo(1);

        assertThat(engine.deliverNow().get().delivered()).as("still paused").isZero();
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(engine.deliverNow().get().delivered()).isEqualTo(1);
        assertThat(f.portal.store().count("submission")).isEqualTo(1);
        assertThat(f.outbox.entries()).allMatch(e -> e.state == MemoryOutbox.State.DELIVERED);
    }

    @Test
    void aBurstOf503sIsRetriedAfterRetryAfterAndDeliversOnce() throws Exception {
        f.outbox.addApplication("GL-20261121-0002", SyncFixture.PROMISED_ITEM, f.clock.instant());
        f.outbox.addRating("GL-20261121-0003", SyncFixture.PROMISED_ITEM, f.clock.instant());
        proxy.fault(FaultProxy.Mode.FAIL_503, 4);
        int passes = 0;
        while (f.outbox.entries().stream().anyMatch(e -> e.state != MemoryOutbox.State.DELIVERED) && passes++ < 20) {
            Instant before = f.clock.instant();
            DeliveryPass pass = engine.deliverNow().get();
            if (pass.retrying() > 0) {
                assertThat(pass.resumeAt()).as("Retry-After: 1 honoured").isAfterOrEqualTo(before.plusSeconds(1));
            }
            f.clock.advance(Duration.between(before, pass.resumeAt()).plusMillis(1));
        }
        assertThat(proxy.faulted.get()).isEqualTo(4);
        assertThat(f.portal.store().count("submission")).isEqualTo(1);
        assertThat(f.portal.store().count("rating")).isEqualTo(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutCountsAsTransientAndTheRetryIsDeduplicated() throws Exception {
        f.outbox.addApplication("GL-20261121-0004", SyncFixture.PROMISED_ITEM, f.clock.instant());
        proxy.delayMillis(3000);
        proxy.fault(FaultProxy.Mode.SLOW, 1);
        DeliveryPass slow = engine.deliverNow().get();
        assertThat(slow.retrying()).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(engine.deliverNow().get().delivered()).isEqualTo(1);
        assertThat(f.portal.store().count("submission")).isEqualTo(1);
    }

    @Test
    void withThePortalDownThroughoutThenUpEverythingIsDeliveredExactlyOnceInOrder() throws Exception {
        for (int i = 1; i <= 20; i++) {
            f.outbox.addApplication("GL-20261121-%04d".formatted(100 + i), SyncFixture.PROMISED_ITEM, f.clock.instant());
        }
        proxy.mode(FaultProxy.Mode.DOWN);
        for (int i = 0; i < 10; i++) {
            assertThat(engine.deliverNow().get().delivered()).isZero();
            f.clock.advance(Duration.ofMinutes(5));
        }
        assertThat(f.portal.store().count("submission")).isZero();
        proxy.mode(FaultProxy.Mode.PASS);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(engine.deliverNow().get().delivered()).isEqualTo(20);
        assertThat(f.portal.store().count("submission")).isEqualTo(20);
        assertThat(f.portal.store().recentSubmissions(20).reversed().stream().map(s -> s.receiptNumber()).toList())
                .isEqualTo(f.outbox.entries().stream().map(e -> e.entry.receiptNumber()).toList());
    }

    @Test
    void aPermanentRefusalBlocksOnlyThatEntryWithItsReason() throws Exception {
        f.outbox.addApplication("GL-20261121-0201", "NO-SUCH-ITEM", f.clock.instant());
        f.outbox.addApplication("GL-20261121-0202", SyncFixture.IMMEDIATE_ITEM, f.clock.instant());
        DeliveryPass pass = engine.deliverNow().get();
        assertThat(pass.blocked()).isEqualTo(1);
        assertThat(pass.delivered()).isEqualTo(1);
        MemoryOutbox.Entry blocked = f.outbox.entries().getFirst();
        assertThat(blocked.state).isEqualTo(MemoryOutbox.State.BLOCKED);
        assertThat(blocked.reason).contains("422", "validation", "itemCode");
        assertThat(f.alerts).anyMatch(a -> a.kind() == SyncAlert.Kind.ENTRY_BLOCKED);

        ReceiptStatus live = engine.lookup("GL-20261121-0202");
        assertThat(live).isInstanceOf(ReceiptStatus.Live.class);
        assertThat(((ReceiptStatus.Live) live).status().state()).as("即办 decided at once")
                .isEqualTo(SubmissionState.COMPLETED);
        proxy.mode(FaultProxy.Mode.DOWN);
        ReceiptStatus offline = engine.lookup("GL-20261121-0202");
        assertThat(offline).isInstanceOf(ReceiptStatus.LastKnown.class);
        assertThat(((ReceiptStatus.LastKnown) offline).status().state()).isEqualTo(SubmissionState.COMPLETED);
        assertThat(engine.lookup("GL-20261121-0201")).isInstanceOf(ReceiptStatus.Unknown.class);
    }

    @Test
    void aRevokedCredentialRaisesAnAlertAndKeepsTheEntryPending() throws Exception {
        f.outbox.addApplication("GL-20261121-0301", SyncFixture.PROMISED_ITEM, f.clock.instant());
        f.portal.revokeKiosk(f.creds.kioskId());
        DeliveryPass pass = engine.deliverNow().get();
        assertThat(pass.retrying()).isEqualTo(1);
        assertThat(f.outbox.entries().getFirst().state).isEqualTo(MemoryOutbox.State.PENDING);
        assertThat(f.alerts).anyMatch(a -> a.kind() == SyncAlert.Kind.CREDENTIAL_REJECTED);
    }

    @Test
    void heartbeatsReportVersionsDevicesAndTheBacklog() throws Exception {
        f.outbox.addApplication("GL-20261121-0401", SyncFixture.PROMISED_ITEM, f.clock.instant());
        f.clock.advance(Duration.ofSeconds(90));
        SyncEngine withDevices = new SyncEngine(f.settings(f.portalUri()), f.clock, f.store, f.outbox,
                () -> List.of(new Heartbeat.DeviceReport("printer", Heartbeat.DeviceState.WARNING, "paper low",
                        List.of(new Heartbeat.Supply("paper", Heartbeat.SupplyLevel.LOW)))),
                () -> List.of(new Heartbeat.Check("port idcard", Heartbeat.CheckStatus.FAIL, "/dev/x missing")),
                a -> {}, new java.util.SplittableRandom(1));
        try (withDevices) {
            withDevices.checkCatalogueNow().get();
            assertThat(withDevices.sendHeartbeatNow().get()).isTrue();
        }
        KioskSummary kiosk = f.portal.store().kiosks().getFirst();
        Heartbeat beat = kiosk.lastHeartbeat();
        assertThat(beat.catalogueVersion()).isEqualTo(1);
        assertThat(beat.outboxDepth()).isEqualTo(1);
        assertThat(beat.oldestPendingAgeSeconds()).isEqualTo(90);
        assertThat(beat.devices().getFirst().supplies().getFirst().level()).isEqualTo(Heartbeat.SupplyLevel.LOW);
        assertThat(beat.lastSyncAt()).isNotNull();
        assertThat(beat.selfCheck()).containsExactly(
                new Heartbeat.Check("port idcard", Heartbeat.CheckStatus.FAIL, "/dev/x missing"));
    }

    @Test
    void aCodeYieldsItsHolderOnceAndIsRefusedAfterwards() {
        String code = f.portal.issueTestEid(HOLDER).token();
        assertThat(engine.verifyEid(code)).isEqualTo(new EidCheck.Verified(HOLDER));
        assertThat(engine.verifyEid(code)).isEqualTo(new EidCheck.Refused(EidCheck.Reason.USED));
        assertThat(engine.verifyEid("EID:" + "x".repeat(64))).isEqualTo(new EidCheck.Refused(EidCheck.Reason.INVALID));
        assertThat(engine.verifyEid(f.portal.store().issueEid(HOLDER, Duration.ZERO).token()))
                .isEqualTo(new EidCheck.Refused(EidCheck.Reason.EXPIRED));
    }

    @Test
    void withoutThePortalTheCodeCannotBeVerifiedAndIsNotQueued() {
        String code = f.portal.issueTestEid(HOLDER).token();
        proxy.mode(FaultProxy.Mode.DOWN);
        assertThat(engine.verifyEid(code)).isInstanceOf(EidCheck.Unavailable.class);
        proxy.fault(FaultProxy.Mode.FAIL_503, 1);
        assertThat(engine.verifyEid(code)).isInstanceOfSatisfying(EidCheck.Unavailable.class,
                u -> assertThat(u.why()).contains("503"));
        assertThat(f.outbox.entries()).as("nothing to deliver later").isEmpty();
        assertThat(engine.verifyEid(code)).as("the code was never used up").isEqualTo(new EidCheck.Verified(HOLDER));
    }
}
