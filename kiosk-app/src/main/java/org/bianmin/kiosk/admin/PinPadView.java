package org.bianmin.kiosk.admin;

import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** Big digit keys, a row of dots for what was typed (never the digits), and what the kiosk says about it. */
public final class PinPadView implements ScreenViews {

    private static final String KEYS = "123456789";

    /** For {@link java.util.ServiceLoader} only. */
    public PinPadView() {}

    @Override
    public void register(Registry registry) {
        registry.add(PinPadViewModel.class, PinPadView::build);
    }

    public static Node build(PinPadViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        ZoneId zone = vm.zone();
        Label dots = Widgets.line("", "pin-dots");
        dots.setId("pin-dots");
        scope.onNewValue(vm.lengthProperty(), n -> dots.setText(dots(n.intValue())));
        dots.setText(dots(vm.lengthProperty().get()));
        Label prompt = Widgets.label("", "pin-prompt");
        prompt.setId("pin-prompt");
        Runnable say = () -> prompt.setText(vm.promptProperty().get().text(m, zone));
        scope.onChange(vm.promptProperty(), say);
        say.run();

        GridPane keys = new GridPane();
        keys.getStyleClass().add("pin-keys");
        for (int i = 0; i < KEYS.length(); i++) {
            keys.add(key(vm, KEYS.charAt(i)), i % 3, i / 3);
        }
        keys.add(Widgets.button("pin-clear", m.get("admin.pin.clear"), "pin-key", vm::clear), 0, 3);
        keys.add(key(vm, '0'), 1, 3);
        keys.add(Widgets.button("pin-back", "⌫", "pin-key", vm::backspace), 2, 3);
        Button ok = Widgets.button("pin-ok", m.get("admin.pin.ok"), "next", vm::submit);
        scope.bind(ok.disableProperty(), vm.checkingProperty().or(vm.lengthProperty().isEqualTo(0)));
        ok.setMaxWidth(Double.MAX_VALUE);

        VBox pad = new VBox(Widgets.label(m.get("admin.pin.heading"), "page-title"), dots, prompt, keys, ok);
        for (AdminRole role : vm.rolesWithoutPin()) {
            pad.getChildren().add(Widgets.label(m.get("admin.pin.roleUnset", m.of("admin.role", role),
                    role.name().toLowerCase()), "muted"));
        }
        pad.getStyleClass().add("pin-pad");
        pad.setId("pin-pad");
        pad.setAlignment(Pos.TOP_CENTER);
        pad.setMaxWidth(Double.MAX_VALUE);
        return Widgets.page(pad);
    }

    private static Button key(PinPadViewModel vm, char digit) {
        return Widgets.button("pin-" + digit, String.valueOf(digit), "pin-key", () -> vm.digit(digit));
    }

    private static String dots(int n) {
        return n == 0 ? " " : "●".repeat(n);
    }
}
