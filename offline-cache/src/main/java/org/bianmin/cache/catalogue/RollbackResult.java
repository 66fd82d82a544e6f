package org.bianmin.cache.catalogue;

/** What {@link CatalogueStore#rollback} did. */
public sealed interface RollbackResult {

    /** {@code from} is dropped (and refused if offered again); {@code to} is current. */
    record RolledBack(long from, long to) implements RollbackResult {}

    /** No previous version is kept (first catalogue, or already rolled back once). */
    record NothingToRollBack() implements RollbackResult {}
}
