package org.bianmin.kiosk.operator;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;

/** The operator panel: one card per function, in a page that scrolls by touch. */
public final class OperatorPanelView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OperatorPanelView() {}

    public static Node build(OperatorPanelViewModel vm, Messages m) {
        ZoneId zone = vm.session().zone();
        VBox page = new VBox(catalogue(vm.catalogue(), m, zone));
        page.getStyleClass().add("operator-panel");
        page.setId("operator-panel");
        return Widgets.page(page);
    }

    private static Node catalogue(CatalogueViewModel vm, Messages m, ZoneId zone) {
        GridPane facts = Widgets.labelledGrid(30);
        facts.setId("catalogue-facts");
        VBox card = new VBox(Widgets.label(m.get("operator.catalogue.title"), "section-title"), facts);
        card.getStyleClass().add("card");
        Runnable show = () -> {
            CatalogueViewModel.Status s = vm.statusProperty().get();
            facts.getChildren().clear();
            row(facts, 0, m.get("operator.catalogue.version"), m.get("operator.catalogue.versionValue", s.version(),
                    s.items()), "catalogue-version");
            row(facts, 1, m.get("operator.catalogue.published"), TIME.format(s.publishedAt().atZoneSameInstant(zone)),
                    "catalogue-published");
            row(facts, 2, m.get("operator.catalogue.key"), s.signingKeyId()
                    .orElse(m.get("operator.catalogue.unsigned")), "catalogue-key");
            row(facts, 3, m.get("operator.catalogue.appliedAt"), TIME.format(s.appliedAt().atZone(zone)),
                    "catalogue-applied");
            row(facts, 4, m.get("operator.catalogue.lastSync"), s.lastCheck().map(c -> lastCheck(c, m, zone))
                    .orElse(m.get(vm.syncConfigured() ? "operator.catalogue.notYet" : "operator.catalogue.noSync")),
                    "catalogue-last-sync");
        };
        vm.statusProperty().addListener((o, a, b) -> show.run());
        show.run();
        Button sync = Widgets.button("catalogue-sync", m.get("operator.catalogue.syncNow"), "primary", vm::syncNow);
        sync.disableProperty().bind(vm.busyProperty());
        card.getChildren().addAll(new HBox(12, sync), message(vm.messageProperty(), m, zone, "catalogue-message"));
        return card;
    }

    private static String lastCheck(SyncEngine.CheckResult result, Messages m, ZoneId zone) {
        return TIME.format(result.at().atZone(zone)) + "  " + CatalogueViewModel.prompt(result.check()).text(m, zone);
    }

    /** A line that shows the latest answer of a card's actions. */
    static Node message(javafx.beans.value.ObservableValue<Prompt> prompt, Messages m, ZoneId zone, String id) {
        var label = Widgets.label("", "operator-message");
        label.setId(id);
        Runnable show = () -> {
            Prompt p = prompt.getValue();
            label.setText(p == null ? "" : p.text(m, zone));
            label.setVisible(p != null);
            label.setManaged(p != null);
        };
        prompt.addListener((o, a, b) -> show.run());
        show.run();
        return label;
    }

    private static void row(GridPane grid, int at, String label, String value, String id) {
        var v = Widgets.label(value, "detail-value");
        v.setId(id);
        grid.addRow(at, Widgets.label(label, "detail-label"), v);
    }
}
