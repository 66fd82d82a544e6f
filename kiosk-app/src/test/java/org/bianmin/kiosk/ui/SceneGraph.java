package org.bianmin.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextInputControl;

/**
 * What a test sees of the scene graph: the visible nodes of a kind, their texts, and how to name one in a failure.
 * Call on the FX thread.
 */
public final class SceneGraph {

    private SceneGraph() {}

    /**
     * The visible, laid-out nodes of a type under {@code root}. Content scrolled out of view still counts: it is on
     * the page. A scroll bar's own parts do not: the kiosk scrolls by dragging the page.
     */
    public static <T extends Node> List<T> visible(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (!node.isVisible() || node instanceof ScrollBar) {
            return;
        }
        if (type.isInstance(node) && node.getLayoutBounds().getWidth() > 0) {
            found.add(type.cast(node));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, type, found));
        }
    }

    /** The texts of the visible labels and buttons under {@code root}. */
    public static List<String> texts(Node root) {
        return visible(root, Labeled.class).stream().map(Labeled::getText).filter(t -> t != null && !t.isEmpty())
                .toList();
    }

    /** True when {@code text} holds a Chinese character or CJK punctuation (、。「」, full-width forms such as ：). */
    public static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF));
    }

    public static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof Labeled l ? " '" + l.getText() + "'" : "")
                + (n instanceof TextInputControl t ? " '" + t.getText() + "'" : "");
    }
}
