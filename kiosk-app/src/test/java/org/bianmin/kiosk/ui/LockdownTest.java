package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Lockdown on a real stage: the keys, close requests and menus a citizen could use to leave the kiosk. */
class LockdownTest extends FxRobot {

    private static final List<KeyCode> LEAVING = List.of(KeyCode.ESCAPE, KeyCode.F4, KeyCode.W, KeyCode.Q,
            KeyCode.F11);

    private Stage stage;
    private TextField field;
    /** Key events that got past the scene into the content. */
    private final List<KeyEvent> reached = new CopyOnWriteArrayList<>();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            field = new TextField("13812345678 测试样卡");
            StackPane root = new StackPane(field);
            root.addEventFilter(KeyEvent.ANY, reached::add);
            Scene scene = new Scene(root, 400, 300);
            s.setScene(scene);
            Lockdown.apply(s, scene);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void keysThatLeaveTheKioskAreSwallowedAndOrdinaryKeysAreNot() {
        assertThat(Lockdown.isEscape(key(KeyCode.ESCAPE, false, false))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.F4, false, true))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.W, true, false))).isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.Q, true, false))).isTrue();
        assertThat(Lockdown.isEscape(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q, false, false, false, true)))
                .as("Meta+Q").isTrue();
        assertThat(Lockdown.isEscape(key(KeyCode.F4, false, false))).isFalse();
        assertThat(Lockdown.isEscape(key(KeyCode.W, false, false))).isFalse();
        assertThat(Lockdown.isEscape(key(KeyCode.DIGIT1, false, false))).isFalse();
    }

    @Test
    void escAltF4CtrlWAndCtrlQNeverReachTheKioskAndTheStageStaysFullScreen() {
        assertThat(stage.isFullScreen()).isTrue();
        clickOn(field);
        tap(KeyCode.ESCAPE);
        tap(KeyCode.F11);
        tap(KeyCode.ALT, KeyCode.F4);
        tap(KeyCode.CONTROL, KeyCode.W);
        tap(KeyCode.CONTROL, KeyCode.Q);
        assertThat(reached).extracting(KeyEvent::getCode).doesNotContainAnyElementsOf(LEAVING);
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();

        tap(KeyCode.DIGIT1); // a plain key still types
        assertThat(reached).extracting(KeyEvent::getCode).contains(KeyCode.DIGIT1);
    }

    @Test
    void aCloseRequestIsRefusedAndLeavingFullScreenIsUndone() {
        // What a window manager sends for Alt+F4 or a close button: consumed, so the stage is not hidden.
        interact(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();

        interact(() -> stage.setFullScreen(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitHint()).isEmpty();
    }

    @Test
    void aTextFieldOffersNoContextMenuOrSelectionPopup() {
        clickOn(field);
        doubleClickOn(field); // selects a word: on touch screens this is where a copy/paste bar would appear
        assertNoPopup();
        interact(field::selectAll);
        rightClickOn(field); // unlocked, this opens the field's undo/cut/copy/paste menu
        assertNoPopup();
        // The request a long press or the menu key raises, straight at the field.
        interact(() -> {
            Bounds b = field.localToScreen(field.getBoundsInLocal());
            Event.fireEvent(field, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    b.getMinX() + 5, b.getMinY() + 5, true, new PickResult(field, 5, 5)));
        });
        assertNoPopup();
    }

    private static void assertNoPopup() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).noneMatch(w -> w instanceof PopupWindow && w.isShowing());
    }

    /** Presses {@code keys} in order and lets go in reverse, as fingers do. */
    private void tap(KeyCode... keys) {
        press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static KeyEvent key(KeyCode code, boolean control, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, alt, false);
    }
}
