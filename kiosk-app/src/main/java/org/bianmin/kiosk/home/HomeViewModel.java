package org.bianmin.kiosk.home;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.search.ItemFinder;
import org.bianmin.kiosk.search.SearchViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Pager;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/** Home: department and life-event tiles, and the search entry. */
public final class HomeViewModel implements Screen {

    /** A home-screen tile: what it opens, its label and how many items are behind it. */
    public record Tile(String code, Content label, int itemCount) {}

    private final Supplier<Catalogue> catalogue;
    private final ItemFinder finder;
    private final Supplier<Navigator> navigator;
    private final Optional<Consumer<ServiceItem>> apply;
    private final Supplier<Screen> progress;
    private final BooleanSupplier elder;
    private final Pager departmentPager;
    private final Pager topicPager;

    /**
     * @param navigator supplied late because it is created with this screen as its home
     * @param apply     starts an application for a kiosk-handleable item; empty when no devices are set up
     * @param progress makes the progress-lookup screen
     * @param elder    whether elder mode is on now: then tiles and lists come a few at a time
     */
    public HomeViewModel(Supplier<Catalogue> catalogue, ItemFinder finder, Supplier<Navigator> navigator,
                         Optional<Consumer<ServiceItem>> apply, Supplier<Screen> progress, BooleanSupplier elder) {
        this.catalogue = catalogue;
        this.finder = finder;
        this.navigator = navigator;
        this.apply = apply;
        this.progress = progress;
        this.elder = elder;
        this.departmentPager = new Pager(elder, ELDER_TILES);
        this.topicPager = new Pager(elder, ELDER_TILES);
    }

    /** Tiles per page in elder mode: one row of large tiles on a 1920-pixel screen. */
    static final int ELDER_TILES = 6;

    public Pager departmentPager() {
        return departmentPager;
    }

    public Pager topicPager() {
        return topicPager;
    }

    /** 查询办理进度. */
    public void openProgress() {
        navigator.get().show(progress.get());
    }

    public Catalogue catalogue() {
        return catalogue.get();
    }

    public List<Tile> departmentTiles() {
        Catalogue c = catalogue.get();
        return c.departments().stream()
                .sorted(Comparator.comparingInt(Catalogue.Department::order))
                .map(d -> new Tile(d.code(), Content.tile(d), c.itemsOf(d).size()))
                .filter(t -> t.itemCount() > 0)
                .toList();
    }

    public List<Tile> topicTiles() {
        return catalogue.get().topics().stream()
                .map(t -> new Tile(t.code(), Content.name(t), t.itemCodes().size()))
                .toList();
    }

    public void openDepartment(String code) {
        Catalogue c = catalogue.get();
        Catalogue.Department d = c.department(code).orElseThrow();
        navigator.get().show(new ItemListViewModel(m -> m.show(Content.name(d)), c.itemsOf(d), c, navigator, apply,
                elder));
    }

    public void openTopic(String code) {
        Catalogue c = catalogue.get();
        Catalogue.Topic topic = c.topics().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
        var byCode = c.itemsByCode();
        navigator.get().show(new ItemListViewModel(m -> m.show(Content.name(topic)),
                topic.itemCodes().stream().map(byCode::get).toList(), c, navigator, apply, elder));
    }

    /** Opens the search screen (with its on-screen keyboard), starting from what was typed here, if anything. */
    public SearchViewModel openSearch(String typed) {
        SearchViewModel search = new SearchViewModel(finder, catalogue.get(), navigator, apply, elder);
        search.queryProperty().set(typed == null ? "" : typed.strip());
        navigator.get().show(search);
        return search;
    }
}
