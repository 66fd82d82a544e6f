package org.bianmin.kiosk.home;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.PagerView;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** Home screen: welcome, search, department tiles, life-event tiles. */
public final class HomeView implements ScreenViews {

    /** For {@link java.util.ServiceLoader} only. */
    public HomeView() {}

    @Override
    public void register(Registry registry) {
        registry.add(HomeViewModel.class, HomeView::build);
    }

    public static Node build(HomeViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        TextField search = new TextField();
        search.setId("search-field");
        search.setPromptText(m.get("home.search.prompt"));
        search.getStyleClass().add("search-field");
        search.setEditable(false);
        // A touch on the field opens the search screen with its keyboard; results follow as the citizen types.
        search.setOnMouseClicked(e -> vm.openSearch(search.getText()));
        search.setOnKeyTyped(e -> vm.openSearch(e.getCharacter()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button go = Widgets.button("search-button", m.get("home.search.button"), "primary",
                () -> vm.openSearch(search.getText()));
        HBox searchRow = new HBox(search, go, Widgets.button("progress", m.get("home.progress"), "secondary",
                vm::openProgress));
        searchRow.getStyleClass().add("search-row");

        VBox page = new VBox(
                Widgets.label(m.get("home.welcome"), "welcome"),
                searchRow,
                Widgets.label(m.get("home.departments"), "section-title"),
                PagerView.paged("dept-page", vm.departmentPager(), vm.departmentTiles(),
                        shown -> tiles(shown, "dept-", vm::openDepartment, m), m));
        if (!vm.topicTiles().isEmpty()) {
            page.getChildren().addAll(Widgets.label(m.get("home.topics"), "section-title"),
                    PagerView.paged("topic-page", vm.topicPager(), vm.topicTiles(),
                            shown -> tiles(shown, "topic-", vm::openTopic, m), m));
        }
        page.getChildren().add(Widgets.label(m.get("home.catalogueVersion", vm.catalogue().version()), "muted"));
        page.getStyleClass().add("home");
        return Widgets.page(page);
    }

    private static TilePane tiles(java.util.List<HomeViewModel.Tile> shown, String idPrefix,
                                  java.util.function.Consumer<String> open, Messages m) {
        TilePane pane = new TilePane();
        pane.getStyleClass().add("tiles");
        for (HomeViewModel.Tile t : shown) {
            pane.getChildren().add(Widgets.tile(idPrefix + t.code(), m.show(t.label()),
                    m.get("home.itemCount", t.itemCount()),
                    () -> open.accept(t.code())));
        }
        return pane;
    }
}
