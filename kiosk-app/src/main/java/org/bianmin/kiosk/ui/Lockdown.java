package org.bianmin.kiosk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Keeps a citizen inside the kiosk: full-screen with no exit hint and no exit key, close requests consumed,
 * no context menus, and the keys that close or leave windows swallowed.
 */
public final class Lockdown {

    private Lockdown() {}

    /** Call before the stage is shown. */
    public static void apply(Stage stage, Scene scene) {
        // Cover the whole screen even where no window manager honours the full-screen request (bare X).
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setAlwaysOnTop(true);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(javafx.event.Event::consume);
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (isEscape(e)) {
                e.consume();
            }
        });
        // Right click, long press or the menu key: no control sees the request, so no text field opens its
        // undo/cut/copy/paste menu either (the clipboard could carry one citizen's data to the next).
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        stage.setFullScreen(true);
    }

    /** Keys that would leave the app or its window: Esc, Alt+F4, Ctrl/Meta+W/Q, F11. */
    static boolean isEscape(KeyEvent e) {
        KeyCode code = e.getCode();
        return code == KeyCode.ESCAPE || code == KeyCode.F11
                || (e.isAltDown() && code == KeyCode.F4)
                || ((e.isControlDown() || e.isMetaDown()) && (code == KeyCode.W || code == KeyCode.Q));
    }
}
