package org.bianmin.kiosk.search;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.browse.ItemListView;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** Query field and keypad on top, results below, refreshed as the citizen types. */
public final class SearchView implements ScreenViews {

    /** For {@link java.util.ServiceLoader} only. */
    public SearchView() {}

    @Override
    public void register(Registry registry) {
        registry.add(SearchViewModel.class, SearchView::build);
    }

    public static Node build(SearchViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        TextField field = new TextField();
        field.setId("search-field");
        field.getStyleClass().add("search-field");
        field.setPromptText(m.get("home.search.prompt"));
        scope.bindBidirectional(field.textProperty(), vm.queryProperty());
        Keypad keypad = new Keypad(m, Keypad.Mode.FULL);
        keypad.target(field, Keypad.Mode.FULL);
        BorderPane pane = new BorderPane();
        VBox top = new VBox(field, keypad.node());
        top.getStyleClass().add("search-top");
        pane.setTop(top);
        // On a wide screen the keypad stands beside the results: above them it left no room for a single result
        // in elder mode at 1080 px. Beside only when the results keep most of the width, or their rows would be cut
        // short; on a portrait screen there is room above.
        VBox side = new VBox();
        side.getStyleClass().add("search-side");
        javafx.beans.InvalidationListener place = o -> {
            double keys = keypad.node().prefWidth(-1);
            boolean beside = pane.getWidth() > pane.getHeight() && keys < pane.getWidth() * 0.45;
            if (beside != (pane.getLeft() == side)) {
                (beside ? side : top).getChildren().add(keypad.node());
                pane.setLeft(beside ? side : null);
            }
        };
        pane.widthProperty().addListener(place);
        pane.heightProperty().addListener(place);
        Runnable results = () -> pane.setCenter(vm.queryProperty().get().isBlank()
                ? Widgets.page(hint(m))
                : ItemListView.build(vm.resultsProperty().get(), scope));
        results.run();
        scope.onChange(vm.resultsProperty(), results);
        javafx.application.Platform.runLater(() -> {
            field.requestFocus();
            field.end();
        });
        pane.getStyleClass().add("search");
        return pane;
    }

    /** Before the first key: what can be typed, lined up with the field and keys like every page's content. */
    private static VBox hint(Messages m) {
        VBox hint = new VBox(Widgets.label(m.get("search.hint"), "notice"));
        hint.getStyleClass().add("journey");
        return hint;
    }
}
