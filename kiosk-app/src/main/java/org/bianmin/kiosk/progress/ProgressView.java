package org.bianmin.kiosk.progress;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.receipt.Receipt;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** Receipt number (or the ID card) in; status and history, or the holder's applications, out. */
public final class ProgressView implements ScreenViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** For {@link java.util.ServiceLoader} only. */
    public ProgressView() {}

    @Override
    public void register(Registry registry) {
        registry.add(ProgressViewModel.class, ProgressView::build);
    }

    public static Node build(ProgressViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        TextField field = new TextField();
        field.setId("progress-field");
        field.getStyleClass().add("search-field");
        field.setPromptText(m.get("progress.prompt"));
        scope.bindBidirectional(field.textProperty(), vm.receiptNumberProperty());
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        Keypad keypad = new Keypad(m, Keypad.Mode.FULL);
        keypad.target(field, Keypad.Mode.FULL);
        VBox result = new VBox();
        result.getStyleClass().add("progress-result");
        result.setId("progress-result");
        Runnable render = () -> {
            result.getChildren().setAll(vm.holderAnswerProperty().get() != null
                    ? holder(vm.holderAnswerProperty().get(), m) : answer(vm.answerProperty().get(), m));
            if (!vm.problemProperty().get().isEmpty()) {
                Label problem = Widgets.label(m.get(vm.problemProperty().get()), "error");
                problem.setId("progress-problem");
                result.getChildren().addFirst(problem);
            }
        };
        scope.onChange(vm.answerProperty(), render);
        scope.onChange(vm.holderAnswerProperty(), render);
        scope.onChange(vm.problemProperty(), render);
        render.run();
        VBox top = new VBox(Widgets.label(m.get("progress.title"), "page-title"),
                new HBox(12, field, Widgets.button("progress-lookup", m.get("progress.lookup"), "primary",
                        vm::lookUp)));
        VBox body = new VBox();
        if (vm.cardOffered()) {
            Label cardError = Widgets.label("", "error");
            cardError.setId("progress-card-error");
            Button retry = Widgets.button("progress-card-retry", m.get("identify.retry"), "secondary",
                    vm::retryCard);
            Runnable renderError = () -> {
                String key = vm.cardErrorProperty().get();
                cardError.setText(key.isEmpty() ? "" : m.get(key));
                cardError.setVisible(!key.isEmpty());
                cardError.setManaged(!key.isEmpty());
                retry.setVisible(!key.isEmpty());
                retry.setManaged(!key.isEmpty());
            };
            scope.onChange(vm.cardErrorProperty(), renderError);
            renderError.run();
            Label hint = Widgets.label(m.get("progress.cardHint"), "notice");
            hint.setId("progress-card-hint");
            body.getChildren().addAll(hint, cardError, retry);
        }
        top.getStyleClass().add("search-top");
        body.getChildren().add(result);
        body.getStyleClass().add("journey");
        // The keypad sits at the bottom while a number is typed, and steps aside for the answer (a tap on the
        // field brings it back): in elder mode both do not fit on one screen.
        Node keys = keypad.node();
        javafx.beans.property.BooleanProperty typing = new javafx.beans.property.SimpleBooleanProperty(true);
        keys.visibleProperty().bind(typing);
        keys.managedProperty().bind(typing);
        field.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> typing.set(true));
        scope.onNewValue(vm.answerProperty(), now -> typing.set(typing.get() && now == null));
        scope.onNewValue(vm.holderAnswerProperty(), now -> typing.set(typing.get() && now == null));
        typing.set(vm.answerProperty().get() == null && vm.holderAnswerProperty().get() == null);
        VBox bottom = new VBox(keys);
        bottom.getStyleClass().add("search-top");
        BorderPane pane = new BorderPane(Widgets.page(body), top, null, bottom, null);
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

    /** The holder's applications: waiting here first, then the portal's, with where the portal's part comes from. */
    private static java.util.List<Node> holder(HolderProgress p, Messages m) {
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(Widgets.label(m.get("progress.holder.title", p.maskedId()), "detail-label"));
        for (HolderProgress.Line line : p.lines()) {
            Label state = Widgets.label(line.state().map(st -> m.get("receipt.status." + st.name()))
                    .orElse(Receipt.Status.SAVED_OFFLINE.text(m.language().locale())), "receipt-status");
            VBox row = new VBox(4, Widgets.label(m.show(line.itemName()), "detail-value"),
                    new HBox(24, Widgets.label(line.receiptNumber(), "muted"), state));
            row.getStyleClass().add("holder-application");
            row.setId("holder-" + line.receiptNumber());
            nodes.add(row);
        }
        if (p.lines().isEmpty() && p.source() != HolderProgress.Source.UNAVAILABLE) {
            nodes.add(Widgets.label(m.get("progress.holder.none"), "notice"));
        }
        nodes.add(Widgets.label(switch (p.source()) {
            case LIVE -> m.get("progress.live");
            case LAST_KNOWN -> m.get("progress.lastKnown", TIME.format(p.learnedAt()));
            case UNAVAILABLE -> m.get("progress.holder.unavailable");
        }, "banner-warn"));
        nodes.add(Widgets.label(m.get("receipt.takeCard"), "status-line"));
        return nodes;
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
