package org.bianmin.cache.catalogue;

/** What {@link CatalogueStore#apply} did with an offered catalogue version. */
public sealed interface ApplyResult {

    /** The version is now current; {@code previous} (0 if none) is kept for rollback. */
    record Applied(long version, long previous) implements ApplyResult {}

    /** The offered version was not applied and never will be. */
    sealed interface Refused extends ApplyResult {}

    /** Refused: the kiosk already holds a newer version. */
    record OlderThanCurrent(long offered, long current) implements Refused {}

    /** Nothing to do: this version is already current. */
    record AlreadyCurrent(long version) implements ApplyResult {}

    /** Refused: an operator rolled this version back; only a newer one replaces it. */
    record RolledBackEarlier(long version) implements Refused {}
}
