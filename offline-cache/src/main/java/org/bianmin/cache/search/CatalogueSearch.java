package org.bianmin.cache.search;

import java.util.List;
import java.util.function.Consumer;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the current catalogue for the UI. Register it with
 * {@link org.bianmin.cache.catalogue.CatalogueStore#addListener}: each applied version rebuilds the index off to the
 * side and swaps it in, so a search in progress finishes on the index it started with.
 */
public final class CatalogueSearch implements Consumer<StoredCatalogue> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSearch.class);

    private volatile SearchIndex index = SearchIndex.empty();

    @Override
    public void accept(StoredCatalogue stored) {
        long started = System.nanoTime();
        SearchIndex rebuilt = SearchIndex.build(stored.catalogue());
        index = rebuilt;
        LOG.info("search index rebuilt for catalogue version {}: {} items in {} ms", stored.version(), rebuilt.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public List<SearchHit> search(String query, int limit) {
        return index.search(query, limit);
    }
}
