package org.bianmin.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.bianmin.cache.MutableClock;
import org.bianmin.cache.crypto.CryptoException;
import org.bianmin.cache.crypto.KeyVault;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    static final String ID_NUMBER = "350102199001011234";
    static final String NAME = "张三丰";
    static final byte[] PAYLOAD = ("{\"name\":\"" + NAME + "\",\"idNumber\":\"" + ID_NUMBER + "\",\"phone\":\"13800001234\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final String ITEM = "11350102003612345Y3001";

    @TempDir
    Path dir;

    // 2026-11-21 23:30 in Fuzhou is 15:30 UTC.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:30:00Z"));
    private Database db;
    private Outbox outbox;
    private final List<Outgoing> sent = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        PayloadCipher cipher = new PayloadCipher(KeyVault.openOrCreate(dir, new SecureRandom()), new SecureRandom());
        outbox = new Outbox(db, cipher, "GL-0001", ZoneId.of("Asia/Shanghai"), clock, Backoff.DEFAULT,
                new SplittableRandom(7), Outbox.DEFAULT_RETENTION);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Accepted enqueue() {
        return outbox.enqueue(new NewSubmission(SubmissionKind.APPLICATION, ITEM, PAYLOAD));
    }

    private OutboxDispatcher dispatcher(DeliveryResult answer) {
        return new OutboxDispatcher(outbox, s -> {
            sent.add(s);
            return answer;
        }, clock);
    }

    @Test
    void receiptsCarryKioskLocalDateSequenceAndCheckDigits() {
        Accepted first = enqueue();
        Accepted second = enqueue();
        assertThat(first.receiptNumber()).matches("GL-0001-20261121-0001-[0-9]{2}");
        assertThat(second.receiptNumber()).startsWith("GL-0001-20261121-0002");
        assertThat(org.bianmin.protocol.api.ReceiptNumbers.isValid(first.receiptNumber())).isTrue();
        assertThat(first.idempotencyKey()).isNotEqualTo(second.idempotencyKey());
        clock.advance(Duration.ofHours(1)); // 00:30 the next day in Fuzhou
        assertThat(enqueue().receiptNumber()).startsWith("GL-0001-20261122-0001");
    }

    @Test
    void deliveredEntriesCarryTheirKeyAndDecryptedPayload() {
        Accepted a = enqueue();
        assertThat(outbox.status()).containsEntry(DeliveryState.PENDING, 1L);
        var pass = dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(pass).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 0));
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.idempotencyKey()).isEqualTo(a.idempotencyKey());
            assertThat(s.receiptNumber()).isEqualTo(a.receiptNumber());
            assertThat(s.personalPayload()).isEqualTo(PAYLOAD);
            assertThat(s.attempt()).isEqualTo(1);
        });
        OutboxEntry e = outbox.entry(a.id()).orElseThrow();
        assertThat(e.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(e.deliveredAt()).isEqualTo(clock.instant());
        assertThat(outbox.status()).containsEntry(DeliveryState.DELIVERED, 1L).containsEntry(DeliveryState.PENDING, 0L);
    }

    @Test
    void anEntryIsFoundByItsReceiptNumberThroughTheUniqueIndexInAnyState() {
        Accepted first = enqueue();
        Accepted second = enqueue();
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        Accepted waiting = enqueue();
        assertThat(outbox.entry(first.receiptNumber())).get().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.id());
            assertThat(e.state()).isEqualTo(DeliveryState.DELIVERED);
        });
        assertThat(outbox.entry(waiting.receiptNumber()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(outbox.entry(second.receiptNumber()).orElseThrow().id()).isEqualTo(second.id());
        assertThat(outbox.entry("GL-0001-20261121-0099-00")).isEmpty();
        String plan = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN SELECT s.id FROM submission s"
                    + " JOIN outbox o ON o.submission_id = s.id WHERE s.receipt_no = 'x'")) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(rs.getString("detail")).append('\n');
                }
                return b.toString();
            }
        });
        assertThat(plan).as("a search by receipt number, not a scan").contains("SEARCH s USING", "(receipt_no=?)")
                .doesNotContain("SCAN");
    }

    @Test
    void anEntryWaitingForItsRetryIsPassedByTheEntriesBehindItInTheSamePass() {
        Accepted refused = enqueue();
        Accepted second = enqueue();
        Accepted third = enqueue();
        var pass = new OutboxDispatcher(outbox, s -> {
            sent.add(s);
            return s.id() == refused.id() ? new DeliveryResult.TransientFailure("HTTP 502")
                    : new DeliveryResult.Delivered();
        }, clock).deliverDue();
        assertThat(pass).isEqualTo(new OutboxDispatcher.Pass(2, 1, 0, 0));
        assertThat(sent).extracting(Outgoing::receiptNumber)
                .containsExactly(refused.receiptNumber(), second.receiptNumber(), third.receiptNumber());
        assertThat(outbox.entry(second.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.entry(refused.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void aRatingWaitsUntilTheApplicationItRatesIsDelivered() {
        Accepted application = enqueue();
        Accepted rating = outbox.enqueue(new NewSubmission(SubmissionKind.RATING, ITEM, PAYLOAD,
                OptionalLong.of(application.id())));
        Accepted unrelated = enqueue();
        dispatcher(new DeliveryResult.TransientFailure("portal busy")).deliverDue();
        assertThat(sent).extracting(Outgoing::receiptNumber).as("the rating is not sent before its application")
                .containsExactly(application.receiptNumber(), unrelated.receiptNumber());

        sent.clear();
        clock.advance(Duration.ofSeconds(10));
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).extracting(Outgoing::receiptNumber).as("then in order, in one pass")
                .containsExactly(application.receiptNumber(), rating.receiptNumber(), unrelated.receiptNumber());
    }

    @Test
    void eachEntryKeepsItsOwnBackoffAcrossARestart() {
        Accepted failing = enqueue();
        Accepted fine = enqueue();
        new OutboxDispatcher(outbox, s -> s.id() == failing.id() ? new DeliveryResult.TransientFailure("HTTP 500")
                : new DeliveryResult.Delivered(), clock).deliverDue();
        Instant retryAt = outbox.entry(failing.id()).orElseThrow().nextAttemptAt();
        Accepted later = enqueue();
        db.close();
        open();
        assertThat(outbox.entry(failing.id()).orElseThrow().nextAttemptAt()).isEqualTo(retryAt);
        assertThat(outbox.entry(fine.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).extracting(Outgoing::receiptNumber).as("the new entry does not wait out the old one's backoff")
                .containsExactly(later.receiptNumber());
        clock.advance(Duration.between(clock.instant(), retryAt));
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).extracting(Outgoing::receiptNumber).containsExactly(later.receiptNumber(),
                failing.receiptNumber());
    }

    @Test
    void transientFailuresBackOffWithJitterAndKeepTheKey() {
        Accepted a = enqueue();
        var failing = dispatcher(new DeliveryResult.TransientFailure("portal unreachable"));
        assertThat(failing.deliverDue()).isEqualTo(new OutboxDispatcher.Pass(0, 1, 0, 0));
        OutboxEntry e = outbox.entry(a.id()).orElseThrow();
        assertThat(e.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.lastError()).isEqualTo("portal unreachable");
        assertThat(Duration.between(clock.instant(), e.nextAttemptAt())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(failing.deliverDue()).as("not due yet").isEqualTo(new OutboxDispatcher.Pass(0, 0, 0, 0));

        clock.advance(Duration.ofSeconds(10));
        failing.deliverDue();
        OutboxEntry second = outbox.entry(a.id()).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt())).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).extracting(Outgoing::idempotencyKey).containsOnly(a.idempotencyKey()).hasSize(3);
        assertThat(sent).extracting(Outgoing::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void permanentFailuresBlockUntilAnOperatorRetries() {
        Accepted a = enqueue();
        assertThat(dispatcher(new DeliveryResult.PermanentFailure("item code unknown to portal")).deliverDue())
                .isEqualTo(new OutboxDispatcher.Pass(0, 0, 1, 0));
        OutboxEntry blocked = outbox.entry(a.id()).orElseThrow();
        assertThat(blocked.state()).isEqualTo(DeliveryState.BLOCKED);
        assertThat(blocked.blockedReason()).isEqualTo("item code unknown to portal");
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher(new DeliveryResult.Delivered()).deliverDue().delivered()).isZero();

        assertThat(outbox.retry(a.id())).isEqualTo(new RetryResult.Scheduled(a.id(), DeliveryState.BLOCKED));
        assertThat(outbox.retry(999)).isEqualTo(new RetryResult.NotFound(999));
        assertThat(dispatcher(new DeliveryResult.Delivered()).deliverDue().delivered()).isEqualTo(1);
        assertThat(outbox.retry(a.id())).isEqualTo(new RetryResult.AlreadyDelivered(a.id()));
    }

    @Test
    void anEntryInterruptedMidSendIsSentAgainWithTheSameKey() {
        Accepted a = enqueue();
        Outgoing claimed = outbox.claimNextDue().orElseThrow();
        assertThat(outbox.entry(a.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENDING);
        // The process dies here: no acknowledge.
        db.close();
        open();
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.idempotencyKey()).isEqualTo(claimed.idempotencyKey());
            assertThat(s.attempt()).isEqualTo(2);
        });
    }

    @Test
    void aThrowingDeliveryIsATransientFailureWithoutItsMessage() {
        Accepted a = enqueue();
        new OutboxDispatcher(outbox, s -> {
            throw new IllegalStateException("echo of " + NAME);
        }, clock).deliverDue();
        OutboxEntry e = outbox.entry(a.id()).orElseThrow();
        assertThat(e.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(e.lastError()).isEqualTo("IllegalStateException");
    }

    @Test
    void personalPayloadIsPurgedAfterRetentionAndTheRecordStays() {
        Accepted a = enqueue();
        Accepted waiting = enqueue();
        outbox.claimNextDue().ifPresent(s -> outbox.acknowledge(s, new DeliveryResult.Delivered()));
        clock.advance(Outbox.DEFAULT_RETENTION.minusMillis(1));
        assertThat(outbox.purgeExpired()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.purgeExpired()).isEqualTo(1);
        OutboxEntry purged = outbox.entry(a.id()).orElseThrow();
        assertThat(purged.payloadPurged()).isTrue();
        assertThat(purged.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(purged.receiptNumber()).isEqualTo(a.receiptNumber());
        assertThat(outbox.entry(waiting.id()).orElseThrow().payloadPurged()).as("undelivered is kept").isFalse();
    }

    @Test
    void keyRotationResealsEveryPayloadAndRetiresOldKeys() throws Exception {
        enqueue();
        enqueue();
        Outbox.KeyRotation rotation = outbox.rotateKey();
        assertThat(rotation.newKeyId()).isEqualTo(2);
        assertThat(rotation.resealed()).isEqualTo(2);
        assertThat(rotation.retired()).containsExactly(1);
        assertThat(KeyVault.openOrCreate(dir, new SecureRandom()).keyIds()).containsExactly(2);
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        assertThat(sent).hasSize(2).allSatisfy(s -> assertThat(s.personalPayload()).isEqualTo(PAYLOAD));
    }

    @Test
    void aPayloadMovedToAnotherRowFailsAuthenticationAndIsBlocked() {
        Accepted a = enqueue();
        Accepted b = enqueue();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE submission SET payload = (SELECT payload FROM submission WHERE id = ?) WHERE id = ?")) {
                ps.setLong(1, b.id());
                ps.setLong(2, a.id());
                return ps.executeUpdate();
            }
        });
        assertThat(dispatcher(new DeliveryResult.Delivered()).deliverDue()).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 0));
        assertThat(sent).extracting(Outgoing::idempotencyKey).containsExactly(b.idempotencyKey());
        OutboxEntry blocked = outbox.entry(a.id()).orElseThrow();
        assertThat(blocked.state()).isEqualTo(DeliveryState.BLOCKED);
        assertThat(blocked.blockedReason()).isEqualTo("payload cannot be decrypted: " + new CryptoException.Tampered(null).getMessage());
    }

    @Test
    void keyFilesAreOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KeyVault.STORE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KeyVault.PASSWORD))))
                .isEqualTo("rw-------");
    }

    @Test
    void theRawDatabaseAndWalNeverHoldPersonalDataInClear() throws Exception {
        for (int i = 0; i < 50; i++) {
            enqueue();
        }
        dispatcher(new DeliveryResult.Delivered()).deliverDue();
        enqueue();
        List<byte[]> needles = new ArrayList<>();
        for (String s : List.of(ID_NUMBER, NAME, "13800001234")) {
            needles.add(s.getBytes(StandardCharsets.UTF_8));
            needles.add(s.getBytes(StandardCharsets.UTF_16LE));
            needles.add(s.getBytes(StandardCharsets.UTF_16BE));
        }
        Path wal = dir.resolve("kiosk.db-wal");
        assertThat(wal).exists();
        for (Path file : List.of(dir.resolve("kiosk.db"), wal)) {
            String hay = HexFormat.of().formatHex(Files.readAllBytes(file));
            for (byte[] needle : needles) {
                assertThat(hay).as(file.getFileName() + " must not contain it").doesNotContain(HexFormat.of().formatHex(needle));
            }
        }
    }
}
