package org.bianmin.kiosk.journey;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.ActionBar;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** The views of the application journey: each renders its view-model and binds to its properties. */
public final class JourneyViews implements ScreenViews {

    /** For {@link java.util.ServiceLoader} only. */
    public JourneyViews() {}

    @Override
    public void register(Registry registry) {
        registry.add(IdentifyViewModel.class, JourneyViews::identify);
        registry.add(FormViewModel.class, JourneyViews::form);
        registry.add(ConsentViewModel.class, JourneyViews::consent);
        registry.add(ReviewViewModel.class, JourneyViews::review);
        registry.add(ReceiptViewModel.class, JourneyViews::receipt);
        registry.add(RatingViewModel.class, JourneyViews::rating);
    }

    public static Node identify(IdentifyViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.show(Content.name(vm.journey().item())), "identify");
        String cards = vm.acceptedCards().stream().map(c -> m.of("card", c)).collect(Collectors.joining(" / "));
        Label guidance = Widgets.label(m.get("identify.place"), "guidance");
        Label accepted = Widgets.label(m.get("identify.accepted", cards), "muted");
        Label eid = Widgets.label(m.get("identify.eid"), "muted");
        eid.setId("identify-eid");
        eid.setVisible(vm.eidOffered());
        eid.setManaged(vm.eidOffered());
        Label verifying = Widgets.label(m.get("identify.eidVerifying"), "notice");
        verifying.setId("identify-verifying");
        verifying.managedProperty().bind(verifying.visibleProperty());
        Label error = Widgets.label("", "error");
        error.setId("identify-error");
        Button retry = Widgets.button("identify-retry", m.get("identify.retry"), "primary", vm::retry);
        Runnable render = () -> {
            IdentifyViewModel.State state = vm.stateProperty().get();
            boolean failed = state instanceof IdentifyViewModel.State.Failed;
            error.setText(state instanceof IdentifyViewModel.State.Failed(String key) ? m.get(key) : "");
            error.setVisible(failed);
            retry.setVisible(failed);
            guidance.setVisible(!failed);
            verifying.setVisible(state instanceof IdentifyViewModel.State.Verifying);
        };
        scope.onChange(vm.stateProperty(), render);
        render.run();
        page.getChildren().addAll(guidance, accepted, eid, verifying, error, retry);
        return Widgets.page(page);
    }

    public static Node form(FormViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.show(Content.name(vm.journey().item())), "form");
        page.getChildren().add(Widgets.label(m.get("form.intro"), "muted"));
        GridPane grid = Widgets.labelledGrid(22);
        grid.getStyleClass().add("spaced");
        int row = 0;
        Keypad keypad = new Keypad(m, Keypad.Mode.DIGITS, vm.ime());
        TextField first = null;
        for (FormViewModel.Entry e : vm.entries()) {
            Label label = Widgets.label(m.show(Content.label(e.field())) + (e.field().required() ? " *" : ""),
                    "detail-label");
            Node input;
            if (e.prefilled()) {
                input = Widgets.label(FieldWords.shown(m, e.field(), e.shownValue()) + "  " + m.get("form.fromCard"),
                        "prefilled");
            } else if (!e.field().options().isEmpty()) {
                FlowPane choices = new FlowPane();
                choices.getStyleClass().add("choices");
                // Wrap at the value column's real width; the default (400 px) leaves a tall empty gap.
                choices.prefWrapLengthProperty().bind(grid.widthProperty().multiply(0.74));
                javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
                for (String option : e.field().options()) {
                    // Shown in the citizen's words; the value kept (and sent) is the catalogue's own.
                    ToggleButton b = new ToggleButton(m.show(Content.option(e.field(), option)));
                    b.setId("choice-" + e.field().key() + "-" + e.field().options().indexOf(option));
                    b.getStyleClass().add("choice");
                    b.setToggleGroup(group);
                    b.setFocusTraversable(false); // see the text fields below
                    b.setSelected(option.equals(e.valueProperty().get()));
                    b.setOnAction(ev -> e.valueProperty().set(b.isSelected() ? option : ""));
                    choices.getChildren().add(b);
                }
                input = choices;
            } else {
                TextField field = new TextField();
                field.setId("field-" + e.field().key());
                field.getStyleClass().add("form-field");
                scope.bindBidirectional(field.textProperty(), e.valueProperty());
                field.setPromptText(m.show(Content.hint(e.field())));
                field.focusedProperty().addListener((o, was, now) -> {
                    if (now) {
                        keypad.target(field, keypadMode(e.field().type()));
                    }
                });
                // Scrolled to on a tap, never by focus alone: as the form opens the page must show its title and first
                // fields. Hence no focus traversal either: the scene would focus the first traversable field itself
                // and its page would scroll to it; the form focuses its first field itself instead, without a scroll.
                field.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, ev -> Widgets.reveal(field));
                field.setFocusTraversable(false);
                first = first == null ? field : first;
                input = field;
            }
            Label error = Widgets.label("", "error");
            error.setId("field-" + e.field().key() + "-error");
            scope.bind(error.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                    () -> e.errorProperty().get().isEmpty() ? "" : m.get(e.errorProperty().get()),
                    e.errorProperty()));
            // Labels line up with the top of their field, not the middle of field + error line.
            javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            label.getStyleClass().add("field-label");
            grid.addRow(row++, label, new VBox(input, error));
        }
        page.getChildren().add(grid);
        if (first != null) {
            javafx.application.Platform.runLater(first::requestFocus);
        }
        // Keypad and "next" stay in reach at the bottom however long the form is.
        ActionBar actions = new ActionBar(keypad.node(), Widgets.button("form-next", m.get("form.next"), "next",
                vm::next));
        return new BorderPane(Widgets.page(page), null, null, actions, null);
    }

    public static Node consent(ConsentViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.get("consent.title"), "consent");
        page.getChildren().addAll(
                Widgets.label(m.get("consent.body", m.show(Content.name(vm.journey().item()))), "consent-text"),
                new HBox(16, Widgets.button("consent-agree", m.get("consent.agree"), "primary", vm::agree),
                        Widgets.button("consent-decline", m.get("consent.decline"), "secondary", vm::decline)));
        return Widgets.page(page);
    }

    public static Node review(ReviewViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.get("review.title"), "review");
        GridPane grid = Widgets.labelledGrid(22);
        int row = 0;
        grid.addRow(row++, Widgets.label(m.get("review.item"), "detail-label"),
                Widgets.label(m.show(Content.name(vm.journey().item())), "detail-value"));
        for (ReviewViewModel.Line line : vm.lines()) {
            grid.addRow(row++, Widgets.label(m.show(Content.label(line.field())), "detail-label"),
                    Widgets.label(FieldWords.shown(m, line.field(), line.value()), "detail-value"));
        }
        Button submit = Widgets.button("review-submit", m.get("review.submit"), "primary", vm::submit);
        scope.bind(submit.disableProperty(), vm.busyProperty());
        Label error = Widgets.label("", "error");
        scope.bind(error.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get().isEmpty() ? "" : m.get(vm.errorProperty().get()), vm.errorProperty()));
        page.getChildren().addAll(grid, error);
        // 提交 stays in reach at the bottom however many lines the review has.
        return new BorderPane(Widgets.page(page), null, null, new ActionBar(null, submit), null);
    }

    public static Node receipt(ReceiptViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.get("receipt.title"), "receipt");
        Label number = Widgets.label(vm.receiptNumber(), "receipt-number");
        number.setId("receipt-number");
        // Statuses, not buttons: they read as text with a side bar, nothing to press.
        Label paper = Widgets.label("", "status-line");
        paper.setId("receipt-paper");
        scope.bind(paper.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                () -> m.of("receipt.paper", vm.paperProperty().get()), vm.paperProperty()));
        Label card = Widgets.label("", "status-line");
        card.setId("receipt-card");
        card.setVisible(vm.cardOnReader());
        card.setManaged(vm.cardOnReader());
        scope.bind(card.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                () -> m.get(vm.cardTakenProperty().get() ? "receipt.cardTaken" : "receipt.takeCard"),
                vm.cardTakenProperty()));
        HBox body = new HBox(32, new VBox(12,
                Widgets.label(m.get("receipt.number"), "detail-label"), number,
                status(vm, m),
                Widgets.label(m.get("receipt.scanHint"), "muted")),
                Widgets.qr(vm.trackingPayload(), 240, "receipt-qr"));
        body.setAlignment(Pos.CENTER_LEFT);
        page.getChildren().addAll(body, paper, card);
        // 完成 stays in reach at the bottom however tall the receipt is on this screen.
        ActionBar actions = new ActionBar(null, Widgets.button("receipt-finish", m.get("receipt.finish"), "primary",
                vm::finish));
        return new BorderPane(Widgets.page(page), null, null, actions, null);
    }

    /** The receipt's status line, in the words the roll prints ({@link org.bianmin.receipt.Receipt.Status}). */
    private static Label status(ReceiptViewModel vm, Messages m) {
        Label status = Widgets.label(vm.status().text(m.language().locale()), "receipt-status");
        status.setId("receipt-status");
        return status;
    }

    public static Node rating(RatingViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        VBox page = page(m.get("rating.title"), "rating");
        // Wraps on a narrow (portrait) screen instead of cutting the levels' names short.
        FlowPane levels = new FlowPane();
        levels.getStyleClass().add("rating-levels");
        // The toggles show the view-model's choices, on every build and after every tap: a redraw (language, elder
        // mode, a notice) keeps them, and one tap always flips what the citizen sees.
        Map<RatingViewModel.Level, ToggleButton> levelButtons = new EnumMap<>(RatingViewModel.Level.class);
        Map<RatingReason, ToggleButton> reasonButtons = new EnumMap<>(RatingReason.class);
        Runnable showChoices = () -> {
            levelButtons.forEach((level, b) -> b.setSelected(level == vm.levelProperty().get()));
            reasonButtons.forEach((reason, b) -> b.setSelected(vm.reasons().contains(reason)));
        };
        for (RatingViewModel.Level level : RatingViewModel.Level.values()) {
            ToggleButton b = new ToggleButton(m.of("rating.level", level));
            b.setId("rating-" + level.score);
            b.getStyleClass().add("choice");
            b.setOnAction(e -> {
                vm.choose(level);
                showChoices.run();
            });
            levelButtons.put(level, b);
            levels.getChildren().add(b);
        }
        FlowPane reasons = new FlowPane();
        reasons.getStyleClass().add("choices");
        for (RatingReason reason : RatingReason.values()) {
            ToggleButton b = new ToggleButton(m.of("rating.reason", reason));
            b.setId("reason-" + reason.name());
            b.getStyleClass().add("choice");
            b.setOnAction(e -> {
                if (vm.reasons().contains(reason)) {
                    vm.reasons().remove(reason);
                } else {
                    vm.reasons().add(reason);
                }
                showChoices.run();
            });
            reasonButtons.put(reason, b);
            reasons.getChildren().add(b);
        }
        showChoices.run();
        Label reasonTitle = Widgets.label(m.get("rating.reasons"), "detail-label");
        TextField comment = new TextField();
        comment.setId("rating-comment");
        comment.getStyleClass().add("form-field");
        comment.setPromptText(m.get("rating.comment"));
        scope.bindBidirectional(comment.textProperty(), vm.commentProperty());
        Keypad keypad = new Keypad(m, Keypad.Mode.CHINESE, vm.ime());
        keypad.target(comment, Keypad.Mode.CHINESE);
        VBox poorOnly = new VBox(12, reasonTitle, reasons, comment);
        Node keys = keypad.node();
        Button submit = Widgets.button("rating-submit", m.get("rating.submit"), "primary", vm::submit);
        // The comment is optional: its keypad comes up only when the citizen taps the field, so the reasons and
        // the chosen level stay in view (in elder mode the keypad would leave them no room).
        javafx.beans.property.BooleanProperty commenting = new javafx.beans.property.SimpleBooleanProperty();
        // A tap, not focus: the scene hands focus to the field by itself as soon as it appears.
        comment.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            commenting.set(true);
            Widgets.reveal(comment);
        });
        Runnable render = () -> {
            boolean poor = vm.levelProperty().get() != null && vm.levelProperty().get().poor();
            poorOnly.setVisible(poor);
            poorOnly.setManaged(poor);
            keys.setVisible(poor && commenting.get());
            keys.setManaged(poor && commenting.get());
            submit.setDisable(!vm.canSubmit());
        };
        commenting.addListener((o, a, b) -> render.run());
        scope.onChange(vm.levelProperty(), render);
        scope.onChange(vm.reasons(), render);
        render.run();
        page.getChildren().addAll(Widgets.label(m.get("rating.intro"), "muted"), levels, poorOnly);
        // The comment keypad, send and skip stay in reach at the bottom however many reasons there are.
        VBox buttons = new VBox(16, submit, Widgets.button("rating-skip", m.get("rating.skip"), "secondary",
                vm::skip));
        return new BorderPane(Widgets.page(page), null, null, new ActionBar(keys, buttons), null);
    }

    private static Keypad.Mode keypadMode(org.bianmin.protocol.catalogue.FormDefinition.FieldType type) {
        return switch (type) {
            case PHONE, NUMBER -> Keypad.Mode.DIGITS;
            case ID_NUMBER -> Keypad.Mode.ID_NUMBER;
            case DATE -> Keypad.Mode.DATE;
            case TEXT, CHOICE -> Keypad.Mode.CHINESE;
        };
    }

    private static VBox page(String title, String styleClass) {
        VBox page = new VBox(Widgets.label(title, "page-title"));
        page.getStyleClass().addAll("journey", styleClass);
        page.setId("journey-" + styleClass);
        return page;
    }
}
