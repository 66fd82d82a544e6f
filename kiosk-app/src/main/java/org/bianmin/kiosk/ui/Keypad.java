package org.bianmin.kiosk.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ime.PinyinIme;

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
        FULL("1234567890-"),
        /** Chinese text: letters spell pinyin, a tap on a candidate enters the character. */
        CHINESE("1234567890-"),
        /** Web addresses (staff screens): lower-case letters and the URL punctuation. */
        URL("1234567890-./:");

        private final String firstRow;

        Mode(String firstRow) {
            this.firstRow = firstRow;
        }
    }

    /** One row of candidates, as wide as the keys: the most common characters come first. */
    private static final int CANDIDATES_SHOWN = 10;
    private static final List<String> LETTER_ROWS = List.of("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM");

    private final VBox node = new VBox();
    private final Messages messages;
    private final Optional<PinyinIme> ime;
    private final StringBuilder pinyin = new StringBuilder();
    private final HBox candidates = new HBox();
    private TextField target;
    private Mode mode;

    public Keypad(Messages m, Mode mode) {
        this(m, mode, Optional.empty());
    }

    /** A keypad that can also enter Chinese ({@link Mode#CHINESE}) with {@code ime}. */
    public Keypad(Messages m, Mode mode, Optional<PinyinIme> ime) {
        this.messages = m;
        this.ime = ime;
        node.getStyleClass().add("keypad");
        candidates.getStyleClass().addAll("keypad-row", "candidates");
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
        this.mode = mode == Mode.CHINESE && ime.isEmpty() ? Mode.FULL : mode;
        pinyin.setLength(0);
        node.getChildren().clear();
        if (this.mode == Mode.CHINESE) {
            node.getChildren().add(candidates);
            renderCandidates();
        }
        node.getChildren().add(row(mode.firstRow));
        if (this.mode == Mode.FULL || this.mode == Mode.CHINESE) {
            LETTER_ROWS.forEach(letters -> node.getChildren().add(row(letters)));
        } else if (this.mode == Mode.URL) {
            LETTER_ROWS.forEach(letters -> node.getChildren().add(row(letters.toLowerCase(java.util.Locale.ROOT))));
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
        if (mode == Mode.CHINESE && Character.isLetter(text.charAt(0))) {
            pinyin.append(text.toLowerCase(java.util.Locale.ROOT));
            renderCandidates();
        } else if (target != null) {
            target.appendText(text);
        }
    }

    private void backspace() {
        if (!pinyin.isEmpty()) {
            pinyin.setLength(pinyin.length() - 1);
            renderCandidates();
        } else if (target != null && !target.getText().isEmpty()) {
            target.deleteText(target.getLength() - 1, target.getLength());
        }
    }

    /** The pinyin typed so far, then the characters it can be: a tap enters one. */
    private void renderCandidates() {
        candidates.getChildren().setAll(new javafx.scene.control.Label(pinyin.isEmpty()
                ? messages.get("keypad.pinyinHint") : pinyin.toString()));
        candidates.getChildren().getFirst().getStyleClass().add("pinyin");
        int i = 0;
        for (char c : ime.map(m -> m.candidates(pinyin.toString())).orElse(List.of()).stream()
                .limit(CANDIDATES_SHOWN).toList()) {
            candidates.getChildren().add(key(String.valueOf(c), "candidate-" + i++, () -> {
                if (target != null) {
                    target.appendText(String.valueOf(c));
                }
                pinyin.setLength(0);
                renderCandidates();
            }));
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
