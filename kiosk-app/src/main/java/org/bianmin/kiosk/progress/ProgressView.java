package org.bianmin.kiosk.progress;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.protocol.api.SubmissionStatus;

/** Receipt number in, status and its history out. */
public final class ProgressView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ProgressView() {}

    public static Node build(ProgressViewModel vm, Messages m) {
        TextField field = new TextField();
        field.setId("progress-field");
        field.getStyleClass().add("search-field");
        field.setPromptText(m.get("progress.prompt"));
        field.textProperty().bindBidirectional(vm.receiptNumberProperty());
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        Keypad keypad = new Keypad(m, Keypad.Mode.FULL);
        keypad.target(field, Keypad.Mode.FULL);
        VBox result = new VBox();
        result.getStyleClass().add("progress-result");
        result.setId("progress-result");
        Runnable render = () -> result.getChildren().setAll(answer(vm.answerProperty().get(), m));
        vm.answerProperty().addListener((o, a, b) -> render.run());
        render.run();
        VBox top = new VBox(Widgets.label(m.get("progress.title"), "page-title"),
                new HBox(12, field, Widgets.button("progress-lookup", m.get("progress.lookup"), "primary",
                        vm::lookUp)), keypad.node());
        top.getStyleClass().add("search-top");
        VBox body = new VBox(result);
        body.getStyleClass().add("journey");
        BorderPane pane = new BorderPane(Widgets.page(body), top, null, null, null);
        javafx.application.Platform.runLater(field::requestFocus);
        return pane;
    }

    private static java.util.List<Node> answer(ReceiptStatus status, Messages m) {
        if (status == null) {
            return java.util.List.of(Widgets.label(m.get("progress.hint"), "notice"));
        }
        return switch (status) {
            case ReceiptStatus.Live(SubmissionStatus s) -> lines(s, m, m.get("progress.live"));
            case ReceiptStatus.LastKnown(SubmissionStatus s, java.time.Instant at, String why) ->
                    lines(s, m, m.get("progress.lastKnown", TIME.format(at)));
            case ReceiptStatus.Unknown(String why) -> java.util.List.of(Widgets.label(m.get(
                    ProgressViewModel.QUEUED_HERE.equals(why) ? "progress.queued" : "progress.unknown"), "notice"));
        };
    }

    private static java.util.List<Node> lines(SubmissionStatus s, Messages m, String source) {
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(Widgets.label(s.receiptNumber(), "receipt-number"));
        nodes.add(Widgets.label(m.get("receipt.status." + s.state().name()), "receipt-status"));
        nodes.add(Widgets.label(source, "banner-warn"));
        for (SubmissionStatus.StatusChange change : s.history()) {
            nodes.add(Widgets.label(TIME.format(change.at()) + "  " + m.get("receipt.status." + change.state().name())
                    + (change.note() == null || change.note().isBlank() ? "" : "  " + change.note()),
                    "detail-value"));
        }
        return nodes;
    }
}
