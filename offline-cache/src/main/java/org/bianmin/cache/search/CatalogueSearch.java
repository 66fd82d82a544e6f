package org.bianmin.cache.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.bianmin.cache.db.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the current catalogue for the UI. Register it with
 * {@link org.bianmin.cache.catalogue.CatalogueStore#addListener}: each applied version gets its index off to the
 * side and swaps it in, so a search in progress finishes on the index it started with.
 *
 * <p>With a {@link SearchIndexStore}, the index of a version is built once, when the version is applied, and kept
 * in the database; a restart with the same catalogue reads it back. A stored index that cannot be used (damaged,
 * another build's format, not this catalogue's) is rebuilt and replaced, never fatal. Without a store (tests,
 * benchmarks) every version is built in memory.
 */
public final class CatalogueSearch implements Consumer<StoredCatalogue> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSearch.class);

    private final Optional<SearchIndexStore> store;
    private volatile SearchIndex index = SearchIndex.empty();
    private volatile Origin origin;

    /** Where the current index came from (for the log, and for tests that a restart does not rebuild). */
    public sealed interface Origin {
        long version();

        /** Read back from the database. */
        record Loaded(long version) implements Origin {}

        /** Expanded from the catalogue; {@code why}: not stored yet, or why the stored one was not usable. */
        record Built(long version, String why) implements Origin {}
    }

    /** Builds every version in memory. */
    public CatalogueSearch() {
        this.store = Optional.empty();
    }

    /** Keeps each version's index in {@code store} and reads it back on the next start. */
    public CatalogueSearch(SearchIndexStore store) {
        this.store = Optional.of(store);
    }

    @Override
    public void accept(StoredCatalogue stored) {
        long started = System.nanoTime();
        long version = stored.version();
        SearchIndexStore.Lookup lookup = store.map(s -> s.load(stored.catalogue()))
                .orElseGet(() -> new SearchIndexStore.Lookup.Absent());
        if (lookup instanceof SearchIndexStore.Lookup.Found(SearchIndex found)) {
            index = found;
            origin = new Origin.Loaded(version);
        } else {
            String why = lookup instanceof SearchIndexStore.Lookup.Unreadable(String reason)
                    ? "stored index unusable: " + reason : "not stored yet";
            if (lookup instanceof SearchIndexStore.Lookup.Unreadable) {
                LOG.warn("search index of catalogue version {}: {}; rebuilding it", version, why);
            }
            SearchIndex rebuilt = SearchIndex.build(stored.catalogue());
            index = rebuilt;
            origin = new Origin.Built(version, why);
            store.ifPresent(s -> save(s, version, rebuilt));
        }
        LOG.info("search index for catalogue version {}: {} items, {} in {} ms", version, index.size(),
                origin instanceof Origin.Loaded ? "read back" : "built", (System.nanoTime() - started) / 1_000_000);
    }

    /** The index is in memory whatever happens here: a failed save only means the next start rebuilds. */
    private static void save(SearchIndexStore store, long version, SearchIndex index) {
        try {
            store.save(version, index);
        } catch (StorageException e) {
            LOG.warn("search index of catalogue version {} not kept ({}): the next start rebuilds it", version,
                    e.getMessage());
        }
    }

    /** How the index in use came to be; empty before the first catalogue. */
    public Optional<Origin> origin() {
        return Optional.ofNullable(origin);
    }

    public List<SearchHit> search(String query, int limit) {
        return index.search(query, limit);
    }

    /**
     * Loads the folding and pinyin data a query needs (ICU's transliterator: a few hundred milliseconds), so the
     * first keystroke does not pay for it. Call off the UI thread once the kiosk shows its first frame.
     */
    public void warmUp() {
        index.search("社保", 1);
    }
}
