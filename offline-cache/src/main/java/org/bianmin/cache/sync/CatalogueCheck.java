package org.bianmin.cache.sync;

/** What one catalogue check did. */
public sealed interface CatalogueCheck {

    /** Nothing new (304, or the version offered is the one held). */
    record Unchanged(long version) implements CatalogueCheck {}

    record Applied(long version, long previous) implements CatalogueCheck {}

    /** A version was offered and refused; the current catalogue stays and an alert was raised. */
    record Refused(String reason) implements CatalogueCheck {}

    /** The catalogue source could not be asked; try again later. */
    record Unreachable(String error) implements CatalogueCheck {}
}
