package org.bianmin.kiosk.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bianmin.kiosk.config.AtomicFile;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong PINs and locks the entry after {@value #MAX_FAILURES} in a row for {@link #LOCK_TIME}. The count and
 * the lock are kept in a file in the data directory, so neither leaving the pad nor restarting the kiosk (pulling
 * the plug) gives a guesser fresh attempts.
 */
public final class PinLock {

    private static final Logger LOG = LoggerFactory.getLogger(PinLock.class);
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(5);
    /** The file's name in the data directory. */
    public static final String FILE = "admin-lock.json";
    /** The file holds two small fields. */
    private static final int MAX_FILE_BYTES = 4096;

    /** What is on disk: wrong PINs since the last success or lock, and the end of the current lock (or null). */
    record State(int failures, Instant lockedUntil) {}

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = BoundedJson.strict(CatalogueReader.mapper());
    private State state;

    public PinLock(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.state = read();
    }

    /** Until when the entry is locked, if it is locked now. */
    public synchronized Optional<Instant> lockedUntil() {
        Instant until = state.lockedUntil();
        return until != null && clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Records a wrong PIN; returns how many attempts are left (0: the entry is now locked). */
    public synchronized int failure() {
        int failures = state.failures() + 1;
        if (failures >= MAX_FAILURES) {
            write(new State(0, clock.instant().plus(LOCK_TIME)));
            return 0;
        }
        write(new State(failures, null));
        return MAX_FAILURES - failures;
    }

    public synchronized void success() {
        write(new State(0, null));
    }

    /**
     * The state on disk, if it is one this class could have written: a count of 0 to {@value #MAX_FAILURES} - 1 and
     * a lock ending at most {@link #LOCK_TIME} from now. Anything else — unreadable, a negative count (which would
     * hand out extra tries), a lock years ahead — must not open the entry: it becomes a fresh lock.
     */
    private State read() {
        if (!Files.exists(file)) {
            return new State(0, null);
        }
        String problem;
        try {
            State s = BoundedJson.readValue(json, BoundedJson.readFile(file, MAX_FILE_BYTES), State.class);
            Instant latest = clock.instant().plus(LOCK_TIME);
            if (s.failures() >= 0 && s.failures() < MAX_FAILURES
                    && (s.lockedUntil() == null || !s.lockedUntil().isAfter(latest))) {
                return s;
            }
            problem = "out of range: " + s;
        } catch (JsonProcessingException e) {
            problem = BoundedJson.describe(e);
        } catch (IOException e) {
            problem = e.getMessage();
        }
        LOG.warn("admin lock file {} invalid ({}); locking the entry", file, problem);
        return new State(0, clock.instant().plus(LOCK_TIME));
    }

    private void write(State next) {
        state = next;
        try {
            AtomicFile.write(file, json.writeValueAsBytes(next));
        } catch (IOException e) {
            // The lock still holds in memory for this run; say why it may not survive a restart.
            LOG.error("cannot write the admin lock file {}: {}", file, e.getMessage());
        }
    }
}
