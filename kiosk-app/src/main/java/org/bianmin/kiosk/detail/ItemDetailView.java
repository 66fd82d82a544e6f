package org.bianmin.kiosk.detail;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** Every element of an item, in labelled sections, large enough to read at kiosk distance. */
public final class ItemDetailView implements ScreenViews {

    /** For {@link java.util.ServiceLoader} only. */
    public ItemDetailView() {}

    @Override
    public void register(Registry registry) {
        registry.add(ItemDetailViewModel.class, ItemDetailView::build);
    }

    public static Node build(ItemDetailViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = new VBox(Widgets.label(m.show(Content.name(vm.item())), "page-title"),
                Widgets.label(vm.availability(m), vm.item().kioskHandleable() ? "banner-ok" : "banner-info"));
        page.setId("item-detail");
        if (vm.canApply()) {
            page.getChildren().add(Widgets.button("apply", m.get("detail.apply"), "primary", vm::apply));
        }
        page.getStyleClass().add("item-detail");
        for (ItemDetailViewModel.Section section : vm.sections(m)) {
            GridPane grid = Widgets.labelledGrid(26);
            int r = 0;
            for (ItemDetailViewModel.Row row : section.rows()) {
                VBox lines = new VBox();
                lines.getStyleClass().add("detail-lines");
                row.lines().forEach(line -> lines.getChildren().add(Widgets.label(line, "detail-value")));
                grid.addRow(r++, Widgets.label(row.label(), "detail-label"), lines);
            }
            if (section.rows().stream().anyMatch(row -> row.lines().size() > 1)) {
                grid.getStyleClass().add("spaced");
            }
            VBox card = new VBox(Widgets.label(section.title(), "section-title"), grid);
            card.getStyleClass().add("card");
            page.getChildren().add(card);
        }
        return Widgets.page(page);
    }
}
