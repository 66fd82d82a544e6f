package org.bianmin.kiosk.browse;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.PagerView;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** A list of items, each row one large touch target with a badge saying whether it can be done here. */
public final class ItemListView implements ScreenViews {

    /** For {@link java.util.ServiceLoader} only. */
    public ItemListView() {}

    @Override
    public void register(Registry registry) {
        registry.add(ItemListViewModel.class, ItemListView::build);
    }

    public static Node build(ItemListViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = new VBox(Widgets.label(vm.title(m), "page-title"),
                Widgets.label(m.get("list.count", vm.rows().size()), "muted"));
        page.getStyleClass().add("item-list");
        if (vm.rows().isEmpty()) {
            page.getChildren().add(Widgets.label(m.get("list.empty"), "notice"));
        }
        page.getChildren().add(PagerView.paged("list-page", vm.pager(), vm.rows(), shown -> rows(shown, vm, m), m));
        return Widgets.page(page);
    }

    private static VBox rows(java.util.List<ItemListViewModel.Row> shown, ItemListViewModel vm, Messages m) {
        VBox rows = new VBox();
        rows.getStyleClass().add("item-rows");
        for (ItemListViewModel.Row row : shown) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            VBox text = new VBox(Widgets.line(m.show(row.name()), "row-title"),
                    Widgets.line(m.show(row.department()), "muted"));
            HBox content = new HBox(text, spacer, Widgets.line(
                    m.get(row.kioskHandleable() ? "list.kioskBadge" : "list.counterBadge"),
                    row.kioskHandleable() ? "badge-kiosk" : "badge-counter"));
            content.getStyleClass().add("row-content");
            Button button = Widgets.button("item-" + row.code(), null, "item-row", () -> vm.open(row.code()));
            button.setGraphic(content);
            button.setMaxWidth(Double.MAX_VALUE);
            rows.getChildren().add(button);
        }
        return rows;
    }
}
