package org.bianmin.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;

/**
 * The frame around every screen: title and language switch on top, Home/Back and the hall's phone at the bottom.
 * It re-renders when the screen or the language changes, so a language switch keeps the citizen's place.
 */
public final class KioskShell {

    /** What the frame shows about this kiosk. */
    public record Identity(String kioskId, String hallName, String hallPhone) {}

    private final BorderPane root = new BorderPane();
    private final Navigator navigator;
    private final Messages messages;
    private final Identity identity;

    public KioskShell(Navigator navigator, Messages messages, Identity identity) {
        this.navigator = navigator;
        this.messages = messages;
        this.identity = identity;
        root.getStyleClass().add("shell");
        navigator.currentProperty().addListener((obs, old, now) -> render());
        messages.languageProperty().addListener((obs, old, now) -> render());
        render();
    }

    public BorderPane root() {
        return root;
    }

    private void render() {
        Messages m = messages;
        HBox languages = new HBox();
        languages.getStyleClass().add("language-switch");
        for (Language language : Language.values()) {
            Button b = Widgets.button("lang-" + language.tag(), language.label(), "language",
                    () -> messages.languageProperty().set(language));
            if (language == m.language()) {
                b.getStyleClass().add("selected");
            }
            languages.getChildren().add(b);
        }
        VBox titles = new VBox(Widgets.label(m.get("app.title"), "app-title"),
                Widgets.label(identity.hallName() + " · " + m.get("app.subtitle"), "app-subtitle"));
        HBox header = new HBox(titles, grow(), languages);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);

        Button home = Widgets.button("home", m.get("shell.home"), "nav", navigator::home);
        Button back = Widgets.button("back", m.get("shell.back"), "nav", navigator::back);
        home.setDisable(!navigator.canGoBack());
        back.setDisable(!navigator.canGoBack());
        HBox footer = new HBox(back, home, grow(),
                Widgets.label(m.get("shell.help", identity.hallPhone()), "footer-text"),
                Widgets.label(m.get("shell.kioskId", identity.kioskId()), "footer-text"));
        footer.getStyleClass().add("footer");
        footer.setAlignment(Pos.CENTER_LEFT);

        root.setTop(header);
        root.setCenter(ViewFactory.render(navigator.current(), m));
        root.setBottom(footer);
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
