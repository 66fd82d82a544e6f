package org.bianmin.cache.audit;

/** The answer of {@link AuditLog#verify()}. */
public sealed interface VerifyResult {

    /** Every record links to the one before and hashes to its stored value; {@code headHash} identifies the log. */
    record Intact(long records, String headHash) implements VerifyResult {}

    /** The first problem found, at record {@code seq}. */
    record Broken(long seq, Problem problem, String explanation) implements VerifyResult {}

    enum Problem {
        /** A record's fields no longer hash to its stored hash. */
        ALTERED,
        /** A sequence number is missing: a record was deleted. */
        MISSING,
        /** A record does not link to the one before it: records were reordered, replaced or re-chained. */
        UNLINKED,
        /** Records the head anchor file vouches for are gone from the end of the log. */
        TRUNCATED
    }
}
