package org.bianmin.portal.store;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.EidTestToken;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.KioskSummary;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;

/**
 * What the reference portal keeps: credentials (hashed), trusted signing keys, published catalogues, submissions
 * with their state history, ratings, idempotency answers and the latest heartbeat per kiosk.
 *
 * <p>Guarantees, also between several portal nodes on one database: every idempotent write stores the record and
 * its answer in one transaction, so a crash never leaves one without the other, and the same (kiosk,
 * Idempotency-Key) yields one record and the same answer however many requests race; a receipt number belongs to one
 * submission; a state change and a test e-ID code's use happen once. These rest on database constraints and
 * conditional updates, never on locks inside one process. Opened by {@link PortalDatabase#open}.
 */
public interface PortalStore extends AutoCloseable {

    // --- credentials -------------------------------------------------------------------------------------------

    /** Registers a kiosk (or replaces its credential) and returns its new bearer token; only the hash is kept. */
    String registerKiosk(String kioskId);

    boolean revokeKiosk(String kioskId);

    /** Creates (or re-keys) an operator and returns the bearer token; only the hash is kept. */
    String createOperator(String name);

    /**
     * Creates the first operator of an empty database: the token if this call made it, empty if any operator
     * existed already (or another node created one at the same moment). Decides which node bootstraps.
     */
    Optional<String> createFirstOperator(String name);

    /** The kiosk a token belongs to, if it is known and not revoked. */
    Optional<String> kioskForToken(String token);

    Optional<String> operatorForToken(String token);

    // --- signing keys and catalogues ---------------------------------------------------------------------------

    void trustKey(KeyFile key);

    List<KeyFile> trustedKeys();

    /** Stores a version unless one at least as new exists; returns whether it was stored. */
    boolean publish(long version, byte[] body, byte[] signature);

    Optional<PublishedCatalogue> currentCatalogue();

    /**
     * Calls {@code changed} whenever another node may have published a catalogue, so this node can read
     * {@link #currentCatalogue} again: on PostgreSQL after every publish's commit (LISTEN/NOTIFY, within about a
     * second) and after every reconnection of the listening connection; on a thread of the store's, one call at a
     * time. SQLite has one node, which knows its own publishes: nothing is ever called. At most one per store;
     * {@link #close} stops it.
     */
    void onPublished(Runnable changed);

    /** A strong ETag: a SHA-256 prefix of the bytes, so any server holding the same file computes the same tag. */
    static String etag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(Ed25519Keys.sha256(bytes), 0, 16) + "\"";
    }

    // --- submissions and ratings ---------------------------------------------------------------------------------

    /**
     * Stores a submission exactly once per (kiosk, key). {@code immediate} items (即办) are decided at once: the
     * history shows received and completed at the same instant.
     */
    Answer submit(String kioskId, String key, SubmissionRequest request, boolean immediate);

    /** Stores a rating exactly once per (kiosk, key). */
    Answer rate(String kioskId, String key, RatingRequest request);

    /** The most recent ratings, newest first, with their reasons in the protocol's order. */
    List<StoredRating> recentRatings(int limit);

    Optional<SubmissionStatus> status(String receiptNumber);

    /** The applications filed under a holder key, newest first. */
    List<SubmissionStatus> submissionsByHolder(String holderKey, int limit);

    /** The key kiosks hash ID numbers with ({@link HolderKey}); made once, on first use, and kept. */
    HolderKey holderKey();

    /** The outcome of an operator moving a submission. */
    sealed interface Advance {
        record Moved(SubmissionStatus status) implements Advance {}

        record NotFound() implements Advance {}

        record NotAllowed(SubmissionState from, SubmissionState to) implements Advance {}
    }

    /** Moves a submission to {@code to} if its state (as it is when the change commits) allows it. */
    Advance advance(String receiptNumber, SubmissionState to, String note);

    /** The most recent submissions, newest first, for the operator page (no personal fields). */
    List<SubmissionStatus> recentSubmissions(int limit);

    /**
     * Rows in one of {@code submission}, {@code rating}, {@code kiosk}, {@code heartbeat}, {@code eid_token}
     * (tests, benchmarks).
     */
    long count(String table);

    // --- test e-ID codes -------------------------------------------------------------------------------------------

    /** What a scanned e-ID code turned out to be. */
    sealed interface EidOutcome {
        record Verified(EidIdentity identity) implements EidOutcome {}

        record Unknown() implements EidOutcome {}

        record Expired() implements EidOutcome {}

        record Used() implements EidOutcome {}
    }

    /**
     * Issues a one-time test e-ID code for {@code identity}, valid for {@code validFor}: shaped like a provincial
     * e-ID token ({@code EID:} and 64 URL-safe base64 characters). Only its hash is stored.
     */
    EidTestToken issueEid(EidIdentity identity, Duration validFor);

    /** Verifies a code once: the first verification before it expires uses it up. */
    EidOutcome verifyEid(String token, String kioskId);

    // --- heartbeats --------------------------------------------------------------------------------------------

    /** Keeps the latest heartbeat per kiosk (no history). */
    void heartbeat(Heartbeat heartbeat);

    List<KioskSummary> kiosks();

    /**
     * One page of the fleet view ({@code limit} kiosks from {@code offset}, by id) of the kiosks matching
     * {@code filter} whose id starts with {@code idPrefix} ignoring case; a kiosk is offline when its last heartbeat
     * arrived before {@code offlineBefore}. The counts cover the whole fleet.
     */
    Fleet fleet(Fleet.Filter filter, String idPrefix, java.time.Instant offlineBefore, int offset, int limit);

    /** How many submissions are in each state (every state present, 0 when none). */
    java.util.Map<SubmissionState, Long> submissionsByState();

    /**
     * The ages of the not revoked kiosks' latest heartbeats at {@code now}: how many are at most each of
     * {@code bounds} old (cumulative, as Prometheus buckets), how many there are, and their ages' sum in seconds.
     */
    HeartbeatAges heartbeatAges(java.time.Instant now, List<Duration> bounds);

    /** See {@link #heartbeatAges}. */
    record HeartbeatAges(List<Long> atMost, long count, double sumSeconds) {
        public HeartbeatAges {
            atMost = List.copyOf(atMost);
        }
    }

    @Override
    void close();
}
