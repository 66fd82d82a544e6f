package org.bianmin.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;

/**
 * The on-screen keyboard: digits and letters (for phone numbers, amounts, pinyin initials), backspace and clear.
 * It types into whichever field last had focus, so a citizen never needs the hidden physical keyboard.
 */
public final class Keypad {

    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKLX", "ZCVBNM"};

    private final VBox node = new VBox();
    private TextField target;

    public Keypad(Messages m) {
        node.getStyleClass().add("keypad");
        for (String row : ROWS) {
            HBox keys = new HBox();
            keys.getStyleClass().add("keypad-row");
            for (char c : row.toCharArray()) {
                keys.getChildren().add(key(String.valueOf(c), "key-" + c, () -> type(String.valueOf(c))));
            }
            node.getChildren().add(keys);
        }
        HBox edit = new HBox(key(m.get("keypad.backspace"), "key-backspace", this::backspace),
                key(m.get("keypad.clear"), "key-clear", () -> {
                    if (target != null) {
                        target.clear();
                    }
                }));
        edit.getStyleClass().add("keypad-row");
        node.getChildren().add(edit);
    }

    public Node node() {
        return node;
    }

    public void target(TextField field) {
        target = field;
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
