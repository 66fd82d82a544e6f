package org.bianmin.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.bianmin.cache.search.CatalogueSearch;
import org.bianmin.cache.search.SearchHit;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.detail.ItemDetailViewModel;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.search.SearchViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.Test;

/** Drives home → department → item detail and search without a window. */
class HomeViewModelTest {

    private final Catalogue catalogue = new CatalogueReader().readSample();
    private Navigator navigator;
    private final java.util.List<ServiceItem> applied = new java.util.ArrayList<>();
    private final CatalogueSearch search = new CatalogueSearch();
    private final HomeViewModel home = new HomeViewModel(() -> catalogue,
            q -> search.search(q, 50).stream().map(SearchHit::item).toList(),
            () -> navigator, java.util.Optional.of(applied::add),
            () -> new org.bianmin.kiosk.ui.Screen() { }, () -> this.elder);
    private boolean elder;

    {
        navigator = new Navigator(home);
        search.accept(new StoredCatalogue(catalogue, CatalogueSignature.UNSIGNED, java.time.Instant.EPOCH));
    }

    @Test
    void elderModeShowsTilesAndRowsAFewAtATime() {
        int departments = home.departmentTiles().size();
        assertThat(home.departmentPager().visible(home.departmentTiles())).hasSize(departments);
        elder = true;
        var pager = home.departmentPager();
        assertThat(pager.visible(home.departmentTiles())).containsExactlyElementsOf(home.departmentTiles().subList(0, 6));
        assertThat(pager.hasPrevious(departments)).isFalse();
        pager.next(departments);
        assertThat(pager.visible(home.departmentTiles()))
                .containsExactlyElementsOf(home.departmentTiles().subList(6, departments));
        assertThat(pager.hasNext(departments)).isFalse();
        pager.next(departments);
        assertThat(pager.page(departments)).as("no page past the last").isEqualTo(1);
        elder = false;
        assertThat(pager.visible(home.departmentTiles())).as("standard mode: all, page clamped").hasSize(departments);

        elder = true;
        home.openDepartment(home.departmentTiles().get(1).code());
        var list = (org.bianmin.kiosk.browse.ItemListViewModel) navigator.current();
        assertThat(list.rows()).hasSizeGreaterThan(4);
        assertThat(list.pager().visible(list.rows())).hasSize(4);
        assertThat(list.pager().pages(list.rows().size())).isEqualTo((list.rows().size() + 3) / 4);
    }

    @Test
    void tilesListEveryDepartmentInOrderWithItsItemCount() {
        assertThat(home.departmentTiles()).hasSize(catalogue.departments().size());
        HomeViewModel.Tile first = home.departmentTiles().getFirst();
        Catalogue.Department d = catalogue.department(first.code()).orElseThrow();
        assertThat(first.label().chinese()).isEqualTo(d.shortName());
        assertThat(first.label().english()).isEqualTo(d.en().shortName());
        assertThat(new Messages(Language.ZH_TW).show(first.label())).isEqualTo("公安戶籍");
        assertThat(first.itemCount()).isEqualTo(catalogue.itemsOf(d).size()).isPositive();
    }

    @Test
    void departmentThenItemThenBackThenHome() {
        HomeViewModel.Tile tile = home.departmentTiles().get(1);
        home.openDepartment(tile.code());
        ItemListViewModel list = (ItemListViewModel) navigator.current();
        Messages zh = new Messages(Language.ZH_CN);
        assertThat(list.title(zh)).isEqualTo(catalogue.department(tile.code()).orElseThrow().name());
        assertThat(list.rows()).hasSize(tile.itemCount());

        ItemListViewModel.Row row = list.rows().getFirst();
        list.open(row.code());
        assertThat(navigator.current()).isInstanceOfSatisfying(ItemDetailViewModel.class,
                d -> assertThat(d.item().code()).isEqualTo(row.code()));

        ItemDetailViewModel detail = (ItemDetailViewModel) navigator.current();
        detail.apply();
        assertThat(applied).containsExactlyElementsOf(detail.canApply() ? java.util.List.of(detail.item())
                : java.util.List.of());
        navigator.back();
        assertThat(navigator.current()).isSameAs(list);
        navigator.home();
        assertThat(navigator.current()).isSameAs(home);
        assertThat(navigator.canGoBack()).isFalse();
    }

    @Test
    void searchFindsItemsBySynonymAndShowsResults() {
        ServiceItem withSynonym = catalogue.items().stream().filter(i -> !i.synonyms().isEmpty()).findFirst()
                .orElseThrow();
        String synonym = withSynonym.synonyms().getFirst();
        SearchViewModel search = home.openSearch("  " + synonym + " ");
        assertThat(navigator.current()).isSameAs(search);
        ItemListViewModel results = search.resultsProperty().get();
        assertThat(results.rows()).extracting(ItemListViewModel.Row::code).contains(withSynonym.code());
        assertThat(results.title(new Messages(Language.EN))).isEqualTo("Search: " + synonym);
    }

    @Test
    void resultsFollowEveryKeyAndABlankQueryShowsNothing() {
        SearchViewModel search = home.openSearch("");
        assertThat(search.resultsProperty().get().rows()).isEmpty();
        search.queryProperty().set("s");
        int broad = search.resultsProperty().get().rows().size();
        search.queryProperty().set("sbk");
        assertThat(search.resultsProperty().get().rows()).isNotEmpty().hasSizeLessThanOrEqualTo(broad)
                .extracting(ItemListViewModel.Row::name).anyMatch(n -> n.chinese().contains("社会保障卡"));
        search.queryProperty().set("   ");
        assertThat(search.resultsProperty().get().rows()).isEmpty();
    }

    @Test
    void nonsenseFindsNothing() {
        assertThat(home.openSearch("zzzz-no-such-service").resultsProperty().get().rows()).isEmpty();
    }

    @Test
    void topicsOpenTheirItems() {
        HomeViewModel.Tile topic = home.topicTiles().getFirst();
        home.openTopic(topic.code());
        assertThat(((ItemListViewModel) navigator.current()).rows()).hasSize(topic.itemCount());
    }
}
