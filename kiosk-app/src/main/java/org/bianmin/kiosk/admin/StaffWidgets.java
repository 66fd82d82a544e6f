package org.bianmin.kiosk.admin;

import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ViewScope;

/** The building blocks the staff consoles share: section tabs, cards, fact rows, fields and answer lines. */
public final class StaffWidgets {

    private StaffWidgets() {}

    /** A row of tabs, one per section, the current one marked; ids are {@code idPrefix + section name}. */
    public static <E extends Enum<E>> HBox tabs(E[] sections, E current, String idPrefix, String labelPrefix,
                                                Messages m, Consumer<E> show) {
        HBox tabs = new HBox();
        tabs.getStyleClass().add("operator-tabs");
        for (E section : sections) {
            Button tab = Widgets.button(idPrefix + section.name(), m.of(labelPrefix, section), "operator-tab",
                    () -> show.accept(section));
            if (section == current) {
                tab.getStyleClass().add("selected");
            }
            tabs.getChildren().add(tab);
        }
        return tabs;
    }

    /**
     * A console's frame: the tabs (set on top with {@link #tabs}) stay there and only the section scrolls (by touch), so a long section never
     * hides the way to another one; the bottom is free for actions that must stay in reach.
     */
    public static BorderPane frame(Node section, String id) {
        VBox page = new VBox(section);
        page.getStyleClass().add("operator-panel");
        BorderPane frame = new BorderPane(Widgets.page(page));
        frame.setId(id);
        return frame;
    }

    public static VBox card(String title, Node... content) {
        VBox card = new VBox(Widgets.label(title, "section-title"));
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        return card;
    }

    /** A line that shows the latest answer of a card's actions. */
    public static Node message(ObservableValue<Prompt> prompt, ViewScope scope, ZoneId zone, String id) {
        Messages m = scope.messages();
        Label label = Widgets.label("", "operator-message");
        label.setId(id);
        Runnable show = () -> {
            Prompt p = prompt.getValue();
            label.setText(p == null ? "" : p.text(m, zone));
            label.setVisible(p != null);
            label.setManaged(p != null);
        };
        scope.onChange(prompt, show);
        show.run();
        return label;
    }

    /** Lines that show what the last action said (problems by field, or "saved"). */
    public static Node messages(ObservableValue<java.util.List<Prompt>> prompts, ViewScope scope, ZoneId zone,
                                String id) {
        Messages m = scope.messages();
        VBox said = new VBox();
        said.setId(id);
        Runnable show = () -> said.getChildren().setAll(prompts.getValue().stream()
                .map(p -> (Node) Widgets.label(p.text(m, zone), "operator-message")).toList());
        scope.onChange(prompts, show);
        show.run();
        return said;
    }

    public static void row(GridPane grid, int at, String label, String value, String id) {
        Label v = Widgets.label(value, "detail-value");
        v.setId(id);
        grid.addRow(at, Widgets.label(label, "detail-label"), v);
    }

    public static TextField field(String id, StringProperty value, ViewScope scope) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("form-field");
        scope.bindBidirectional(field.textProperty(), value);
        return field;
    }
}
