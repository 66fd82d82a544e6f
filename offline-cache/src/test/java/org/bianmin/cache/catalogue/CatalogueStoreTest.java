package org.bianmin.cache.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.cache.TestCatalogues;
import org.bianmin.cache.db.Database;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
    private final CatalogueSignature signature = new CatalogueSignature("portal-2026", "c2lnbmF0dXJl");
    private Database db;
    private CatalogueStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        store = new CatalogueStore(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void emptyStoreServesNothing() {
        assertThat(store.current()).isEmpty();
        assertThat(store.departments()).isEmpty();
        assertThat(store.item("x")).isEmpty();
    }

    @Test
    void appliedVersionIsServedAndSurvivesARestart() {
        Catalogue v1 = TestCatalogues.catalogue(1);
        assertThat(store.apply(v1, signature)).isEqualTo(new ApplyResult.Applied(1, 0));
        assertThat(store.current().orElseThrow().catalogue()).isEqualTo(v1);
        assertThat(store.departments()).extracting(Catalogue.Department::code).containsExactly("gaj", "rsj", "ybj", "gjj");
        assertThat(store.item(TestCatalogues.BODY + "3002")).map(ServiceItem::name).contains("社会保障卡申领");
        assertThat(store.itemsOf("gaj")).extracting(ServiceItem::name).containsExactly("居民身份证换领", "机动车驾驶证换证");

        db.close();
        open();
        StoredCatalogue reloaded = store.current().orElseThrow();
        assertThat(reloaded.catalogue()).isEqualTo(v1);
        assertThat(reloaded.signature()).isEqualTo(signature);
        assertThat(reloaded.appliedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theBundledSampleRoundTrips() {
        Catalogue sample = new CatalogueReader().readSample();
        store.apply(sample, CatalogueSignature.UNSIGNED);
        db.close();
        open();
        assertThat(store.current().orElseThrow().catalogue()).isEqualTo(sample);
    }

    @Test
    void olderAndEqualVersionsAreRefusedAndThePreviousIsKept() {
        store.apply(TestCatalogues.catalogue(3), signature);
        assertThat(store.apply(TestCatalogues.catalogue(2), signature)).isEqualTo(new ApplyResult.OlderThanCurrent(2, 3));
        assertThat(store.apply(TestCatalogues.catalogue(3), signature)).isEqualTo(new ApplyResult.AlreadyCurrent(3));
        assertThat(store.apply(TestCatalogues.catalogue(4), signature)).isEqualTo(new ApplyResult.Applied(4, 3));
        assertThat(store.apply(TestCatalogues.catalogue(5), signature)).isEqualTo(new ApplyResult.Applied(5, 4));
        assertThat(store.previousVersion()).contains(4L);
        assertThat(store.current().orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void rollbackRestoresThePreviousVersionAndRefusesTheDroppedOne() {
        List<Long> seen = new ArrayList<>();
        store.addListener(s -> seen.add(s.version()));
        assertThat(store.rollback()).isEqualTo(new RollbackResult.NothingToRollBack());
        store.apply(TestCatalogues.catalogue(1), signature);
        Catalogue v2 = TestCatalogues.catalogue(2, List.of(TestCatalogues.item("3100", "新事项办理", "rsj", 1)));
        store.apply(v2, signature);
        assertThat(store.item(TestCatalogues.BODY + "3100")).isPresent();

        assertThat(store.rollback()).isEqualTo(new RollbackResult.RolledBack(2, 1));
        assertThat(store.current().orElseThrow().catalogue()).isEqualTo(TestCatalogues.catalogue(1));
        assertThat(store.item(TestCatalogues.BODY + "3100")).isEmpty();
        assertThat(store.rollback()).isEqualTo(new RollbackResult.NothingToRollBack());
        assertThat(store.apply(v2, signature)).isEqualTo(new ApplyResult.RolledBackEarlier(2));
        assertThat(store.apply(TestCatalogues.catalogue(3), signature)).isEqualTo(new ApplyResult.Applied(3, 1));
        assertThat(seen).containsExactly(1L, 2L, 1L, 3L);
    }

    @Test
    void aFailedApplyLeavesTheOldVersionEverywhere() {
        store.apply(TestCatalogues.catalogue(1), signature);
        ServiceItem twice = TestCatalogues.item("3200", "重复事项", "rsj", 1);
        // Duplicate codes violate the primary key half-way through the insert.
        Catalogue broken = TestCatalogues.catalogue(2, List.of(twice, twice));
        assertThatThrownBy(() -> store.apply(broken, signature)).isInstanceOf(RuntimeException.class);
        assertThat(store.current().orElseThrow().version()).isEqualTo(1);
        db.close();
        open();
        assertThat(store.current().orElseThrow().catalogue()).isEqualTo(TestCatalogues.catalogue(1));
        assertThat(store.previousVersion()).isEmpty();
    }
}
