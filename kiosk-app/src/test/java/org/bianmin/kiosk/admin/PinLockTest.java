package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.kiosk.ui.MovableClock;
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
}
