package org.bianmin.cache.sync;

/** What one catalogue check did. */
public sealed interface CatalogueCheck {

    /** Nothing new (304, or the version offered is the one held). */
    record Unchanged(long version) implements CatalogueCheck {}

    record Applied(long version, long previous) implements CatalogueCheck {}

    /**
     * A version was offered and refused; the current catalogue stays. {@code kind} says why in a way a screen can
     * translate, {@code reason} in words for the log and the operator (no personal data: catalogues hold none).
     */
    record Refused(Refusal kind, String reason) implements CatalogueCheck {}

    /** The catalogue source could not be asked; try again later. */
    record Unreachable(String error) implements CatalogueCheck {}

    enum Refusal {
        /** No signature, or one that cannot be used (unreadable, wrong algorithm, not base64). */
        UNSIGNED,
        /** Signed by a key this kiosk does not trust. */
        UNTRUSTED_KEY,
        /** The signature does not match the bytes: tampered or truncated. */
        TAMPERED,
        /** Signed, but not a valid catalogue (schema or semantic rules). */
        INVALID,
        /** The signature names another version than the body. */
        VERSION_MISMATCH,
        /** Older than the version the kiosk serves. */
        OLDER,
        /** An operator rolled this version back on this kiosk. */
        ROLLED_BACK
    }
}
