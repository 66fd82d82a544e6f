package org.bianmin.kiosk.home;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;

/** Home screen: welcome, search, department tiles, life-event tiles. */
public final class HomeView {

    private HomeView() {}

    public static Node build(HomeViewModel vm, Messages m) {
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

        TilePane departments = tiles();
        for (HomeViewModel.Tile t : vm.departmentTiles()) {
            departments.getChildren().add(Widgets.tile("dept-" + t.code(), t.label(),
                    m.get("home.itemCount", t.itemCount()), () -> vm.openDepartment(t.code())));
        }
        VBox page = new VBox(
                Widgets.label(m.get("home.welcome"), "welcome"),
                searchRow,
                Widgets.label(m.get("home.departments"), "section-title"),
                departments);
        if (!vm.topicTiles().isEmpty()) {
            TilePane topics = tiles();
            for (HomeViewModel.Tile t : vm.topicTiles()) {
                topics.getChildren().add(Widgets.tile("topic-" + t.code(), t.label(),
                        m.get("home.itemCount", t.itemCount()), () -> vm.openTopic(t.code())));
            }
            page.getChildren().addAll(Widgets.label(m.get("home.topics"), "section-title"), topics);
        }
        page.getChildren().add(Widgets.label(m.get("home.catalogueVersion", vm.catalogue().version()), "muted"));
        page.getStyleClass().add("home");
        return Widgets.page(page);
    }

    private static TilePane tiles() {
        TilePane pane = new TilePane();
        pane.getStyleClass().add("tiles");
        return pane;
    }
}
