package org.bianmin.kiosk.browse;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bianmin.kiosk.detail.ItemDetailViewModel;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Pager;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/** A list of service items: a department's, a life event's, or search results. */
public final class ItemListViewModel implements Screen {

    /** One row: enough to choose an item at a glance. */
    public record Row(String code, Content name, Content department, boolean kioskHandleable) {}

    private final Function<Messages, String> title;
    private final List<ServiceItem> items;
    private final Catalogue catalogue;
    private final Supplier<Navigator> navigator;
    private final Optional<Consumer<ServiceItem>> apply;
    private final Pager pager;

    /** Rows per page in elder mode: each row is a large touch target. */
    static final int ELDER_ROWS = 4;

    /** @param elder whether elder mode is on now: then the rows come a few at a time */
    public ItemListViewModel(Function<Messages, String> title, List<ServiceItem> items, Catalogue catalogue,
                             Supplier<Navigator> navigator, Optional<Consumer<ServiceItem>> apply,
                             BooleanSupplier elder) {
        this.title = title;
        this.items = List.copyOf(items);
        this.catalogue = catalogue;
        this.navigator = navigator;
        this.apply = apply;
        this.pager = new Pager(elder, ELDER_ROWS);
    }

    public Pager pager() {
        return pager;
    }

    public String title(Messages messages) {
        return title.apply(messages);
    }

    public List<Row> rows() {
        return items.stream().map(i -> new Row(i.code(), Content.name(i),
                catalogue.department(i.department()).map(Content::name).orElse(Content.word("")),
                i.kioskHandleable())).toList();
    }

    public void open(String code) {
        ServiceItem item = items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        navigator.get().show(new ItemDetailViewModel(item, catalogue, apply));
    }
}
