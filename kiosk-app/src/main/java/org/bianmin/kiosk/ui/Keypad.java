package org.bianmin.kiosk.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;

/**
 * The on-screen keyboard: digits, and letters only where a field takes them (pinyin initials, codes), so a phone
 * number gets a plain number pad. It types into whichever field last had focus; the hidden physical keyboard is
 * never needed.
 */
public final class Keypad {

    /** Which keys a field needs. */
    public enum Mode {
        /** Phone numbers, amounts. */
        DIGITS("1234567890"),
        /** ID numbers end in X. */
        ID_NUMBER("1234567890X"),
        /** Dates: 2026-01-31. */
        DATE("1234567890-"),
        /** Search words, receipt numbers, codes: digits, letters and the hyphen. */
        FULL("1234567890-");

        private final String firstRow;

        Mode(String firstRow) {
            this.firstRow = firstRow;
        }
    }

    private static final List<String> LETTER_ROWS = List.of("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM");

    private final VBox node = new VBox();
    private final Messages messages;
    private TextField target;

    public Keypad(Messages m, Mode mode) {
        this.messages = m;
        node.getStyleClass().add("keypad");
        show(mode);
    }

    public Node node() {
        return node;
    }

    /** Types into {@code field} from now on, with the keys its content needs. */
    public void target(TextField field, Mode mode) {
        target = field;
        show(mode);
    }

    private void show(Mode mode) {
        node.getChildren().clear();
        node.getChildren().add(row(mode.firstRow));
        if (mode == Mode.FULL) {
            LETTER_ROWS.forEach(letters -> node.getChildren().add(row(letters)));
        }
        HBox edit = new HBox(key(messages.get("keypad.backspace"), "key-backspace", this::backspace),
                key(messages.get("keypad.clear"), "key-clear", () -> {
                    if (target != null) {
                        target.clear();
                    }
                }));
        edit.getStyleClass().add("keypad-row");
        node.getChildren().add(edit);
    }

    private HBox row(String keys) {
        HBox row = new HBox();
        row.getStyleClass().add("keypad-row");
        for (char c : keys.toCharArray()) {
            row.getChildren().add(key(String.valueOf(c), "key-" + c, () -> type(String.valueOf(c))));
        }
        return row;
    }

    private void type(String text) {
        if (target != null) {
            target.appendText(text);
        }
    }

    private void backspace() {
        if (target != null && !target.getText().isEmpty()) {
            target.deleteText(target.getLength() - 1, target.getLength());
        }
    }

    private static Button key(String label, String id, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
