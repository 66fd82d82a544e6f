package org.bianmin.kiosk.search;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * Search with the on-screen keyboard: results follow every key (names, synonyms, pinyin, initials, Traditional
 * input), best first.
 */
public final class SearchViewModel implements Screen {

    private final ItemFinder finder;
    private final Catalogue catalogue;
    private final Supplier<Navigator> navigator;
    private final Optional<Consumer<ServiceItem>> apply;
    private final BooleanSupplier elder;
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ItemListViewModel> results = new ReadOnlyObjectWrapper<>();

    public SearchViewModel(ItemFinder finder, Catalogue catalogue, Supplier<Navigator> navigator,
                           Optional<Consumer<ServiceItem>> apply, BooleanSupplier elder) {
        this.finder = finder;
        this.catalogue = catalogue;
        this.navigator = navigator;
        this.apply = apply;
        this.elder = elder;
        query.addListener((obs, old, now) -> update(now));
        update("");
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The current results as a list screen's model (its rows open item details). */
    public ReadOnlyObjectProperty<ItemListViewModel> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    private void update(String text) {
        String q = text == null ? "" : text.strip();
        List<ServiceItem> found = q.isEmpty() ? List.of() : finder.find(q);
        results.set(new ItemListViewModel(m -> m.get("search.title", q), found, catalogue, navigator, apply,
                elder));
    }
}
