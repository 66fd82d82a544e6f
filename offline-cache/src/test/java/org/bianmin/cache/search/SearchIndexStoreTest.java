package org.bianmin.cache.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.TestCatalogues;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.search.CatalogueSearch.Origin;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index is kept per catalogue version: a restart reads it back, a new version or a damaged row rebuilds. */
class SearchIndexStoreTest {

    private static final List<String> QUERIES = List.of("sb", "shebao", "社保卡", "保险", "shehbx", "无犯罪",
            "無犯罪記錄", "wfz", "gjj", "jz", "3004", "zhang");

    @TempDir
    Path dir;

    private OfflineCache open() {
        return OfflineCache.open(dir, dir.resolve("kiosk.db"), OfflineCache.Settings.defaults("K1"),
                Clock.systemUTC(), alert -> {});
    }

    private void withCache(Consumer<OfflineCache> work) {
        try (OfflineCache cache = open()) {
            work.accept(cache);
        }
    }

    /** Every query's answer: item, match kind and matched text, in order. */
    private static List<String> answers(java.util.function.BiFunction<String, Integer, List<SearchHit>> search) {
        return QUERIES.stream().flatMap(q -> search.apply(q, 20).stream()
                .map(h -> q + " → " + h.item().code() + " " + h.kind() + " " + h.matchedText())).toList();
    }

    @Test
    void aRestartWithTheSameCatalogueReadsTheIndexBackAndANewVersionBuildsOne() {
        Catalogue sample = new CatalogueReader().readSample();
        List<String> built = answers(SearchIndex.build(sample)::search);
        withCache(cache -> {
            cache.catalogue().apply(sample, CatalogueSignature.UNSIGNED);
            assertThat(cache.search().origin()).contains(new Origin.Built(sample.version(), "not stored yet"));
        });
        withCache(cache -> {
            assertThat(cache.search().origin()).contains(new Origin.Loaded(sample.version()));
            assertThat(answers(cache.search()::search)).as("the read-back index answers as the built one")
                    .isNotEmpty().isEqualTo(built);
        });

        ServiceItem fresh = TestCatalogues.item("3100", "新事项办理", "rsj", 1);
        withCache(cache -> {
            cache.catalogue().apply(TestCatalogues.catalogue(sample.version() + 1, List.of(fresh)),
                    CatalogueSignature.UNSIGNED);
            assertThat(cache.search().origin()).contains(new Origin.Built(sample.version() + 1, "not stored yet"));
        });
        withCache(cache -> {
            assertThat(cache.search().origin()).contains(new Origin.Loaded(sample.version() + 1));
            assertThat(cache.search().search("xsx", 5)).extracting(SearchHit::item).containsExactly(fresh);
            cache.catalogue().rollback();
            assertThat(cache.search().origin()).as("the previous version kept its index")
                    .contains(new Origin.Loaded(sample.version()));
            assertThat(answers(cache.search()::search)).isEqualTo(built);
        });
    }

    @Test
    void aDamagedStoredIndexIsRebuiltAndReplacedNotFatal() {
        Catalogue catalogue = TestCatalogues.catalogue(1);
        List<String> built = answers(SearchIndex.build(catalogue)::search);
        withCache(cache -> cache.catalogue().apply(catalogue, CatalogueSignature.UNSIGNED));
        byte[] good = storedForms();
        List<byte[]> damaged = List.of(new byte[0], "garbage".getBytes(), Arrays.copyOf(good, good.length / 2),
                Arrays.copyOf(good, good.length + 3), withInt(good, 4, SearchFormsCodec.FORMAT + 1),
                withInt(good, 8, Integer.MAX_VALUE));
        for (byte[] bad : damaged) {
            withCache(cache -> cache.database().write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE search_index SET forms = ?")) {
                    ps.setBytes(1, bad);
                    return ps.executeUpdate();
                }
            }));
            withCache(cache -> {
                assertThat(cache.search().origin()).get().isInstanceOfSatisfying(Origin.Built.class,
                        b -> assertThat(b.why()).startsWith("stored index unusable"));
                assertThat(answers(cache.search()::search)).isEqualTo(built);
            });
            withCache(cache -> assertThat(cache.search().origin()).as("the rebuilt index replaced the damaged one")
                    .contains(new Origin.Loaded(1)));
        }
    }

    @Test
    void formsOfAnotherCatalogueAreNotUsed() {
        ServiceItem fresh = TestCatalogues.item("3100", "新事项办理", "rsj", 1);
        Catalogue v2 = TestCatalogues.catalogue(2, List.of(fresh));
        withCache(cache -> {
            cache.catalogue().apply(v2, CatalogueSignature.UNSIGNED);
            SearchIndexStore store = new SearchIndexStore(cache.database());
            store.save(2, SearchIndex.build(TestCatalogues.catalogue(1)));
            assertThat(store.load(v2)).isInstanceOfSatisfying(SearchIndexStore.Lookup.Unreadable.class,
                    u -> assertThat(u.reason()).contains("新事项办理"));
        });
    }

    @Test
    void decodingRejectsEveryTruncationAndFlippedBytesWithATypedError() throws Exception {
        Catalogue catalogue = TestCatalogues.catalogue(1);
        byte[] good = SearchFormsCodec.encode(SearchIndex.build(catalogue).forms());
        assertThat(answers(SearchIndex.withForms(catalogue, SearchFormsCodec.decode(good))::search))
                .isEqualTo(answers(SearchIndex.build(catalogue)::search));
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> SearchFormsCodec.decode(cut)).as("cut at %d", length)
                    .isInstanceOf(SearchFormsCodec.CorruptFormsException.class);
        }
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                SearchFormsCodec.decode(flipped);
            } catch (SearchFormsCodec.CorruptFormsException expected) {
                // a typed refusal is the only failure allowed
            }
        }
    }

    private byte[] storedForms() {
        try (OfflineCache cache = open()) {
            return cache.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT forms FROM search_index");
                     var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            });
        }
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        java.nio.ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }
}
