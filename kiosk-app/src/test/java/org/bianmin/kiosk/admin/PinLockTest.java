package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.kiosk.config.ScratchFile;
import org.bianmin.kiosk.ui.MovableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinLockTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T03:00:00Z"));

    @Test
    void fiveWrongInARowLockForFiveMinutesAndARestartKeepsTheLock() {
        Path file = dir.resolve(PinLock.FILE);
        PinLock lock = new PinLock(file, clock);
        for (int left = 4; left >= 1; left--) {
            assertThat(lock.failure()).isEqualTo(left);
            assertThat(lock.lockedUntil()).isEmpty();
        }
        assertThat(lock.failure()).isZero();
        Instant until = clock.instant().plus(PinLock.LOCK_TIME);
        assertThat(lock.lockedUntil()).contains(until);

        PinLock afterRestart = new PinLock(file, clock);
        assertThat(afterRestart.lockedUntil()).contains(until);
        clock.advance(PinLock.LOCK_TIME.minusSeconds(1));
        assertThat(afterRestart.lockedUntil()).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(afterRestart.lockedUntil()).isEmpty();
        assertThat(afterRestart.failure()).as("a fresh count after the lock").isEqualTo(4);
    }

    @Test
    void aSuccessResetsTheCountAndTheCountSurvivesARestart() {
        Path file = dir.resolve(PinLock.FILE);
        PinLock lock = new PinLock(file, clock);
        lock.failure();
        lock.failure();
        lock.success();
        assertThat(lock.failure()).isEqualTo(4);
        assertThat(new PinLock(file, clock).failure()).isEqualTo(3);
    }

    @Test
    void aDamagedLockFileLocksRatherThanOpens() throws Exception {
        Path file = dir.resolve(PinLock.FILE);
        Files.writeString(file, "{not json");
        assertThat(new PinLock(file, clock).lockedUntil()).contains(clock.instant().plus(PinLock.LOCK_TIME));
    }

    /** Before: {"failures": -1000000} was accepted and left a million tries. */
    @Test
    void aNegativeCountIsNotExtraTriesButALock() throws Exception {
        Path file = dir.resolve(PinLock.FILE);
        Files.writeString(file, "{\"failures\": -1000000}");
        assertThat(new PinLock(file, clock).lockedUntil()).contains(clock.instant().plus(PinLock.LOCK_TIME));
    }

    @Property(tries = 300)
    void anyInvalidLockFileLocksTheEntry(@ForAll("invalidLockFiles") String content) throws Exception {
        ScratchFile.with(content.getBytes(StandardCharsets.UTF_8), file -> assertThat(
                new PinLock(file, clock).lockedUntil()).as(content).contains(clock.instant().plus(PinLock.LOCK_TIME)));
    }

    @Property(tries = 200)
    void randomBytesNeverOpenMoreTriesThanAFreshCount(@ForAll @Size(max = 200) byte[] bytes) throws Exception {
        ScratchFile.with(bytes, file -> {
            PinLock lock = new PinLock(file, clock);
            if (lock.lockedUntil().isEmpty()) {
                assertThat(lock.failure()).isLessThan(PinLock.MAX_FAILURES);
            }
        });
    }

    @Provide
    Arbitrary<String> invalidLockFiles() {
        Arbitrary<String> badCount = Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1),
                        Arbitraries.integers().greaterOrEqual(PinLock.MAX_FAILURES))
                .map(n -> "{\"failures\": " + n + "}");
        Arbitrary<String> farLock = Arbitraries.longs().between(PinLock.LOCK_TIME.toSeconds() + 1, 1L << 34)
                .map(s -> "{\"failures\": 0, \"lockedUntil\": \"" + clock.instant().plusSeconds(s) + "\"}");
        return Arbitraries.oneOf(badCount, farLock, Arbitraries.of("null", "", "[]", "{\"failures\": \"x\"}",
                "{\"failures\": 1.5}", "{\"failures\": 0} {}",
                "[".repeat(10_000)));
    }
}
