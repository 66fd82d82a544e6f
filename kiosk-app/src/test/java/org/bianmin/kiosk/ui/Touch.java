package org.bianmin.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** A finger on the kiosk's window, for TestFX tests: taps what shows, waits for what should, reads what is there. */
public final class Touch {

    private final FxRobot robot;

    public Touch(FxRobot robot) {
        this.robot = robot;
    }

    /** A touch on the node {@code query} finds, scrolled into view first. */
    public void tap(String query) throws Exception {
        waitFor(query);
        tap(robot.lookup(query).match(NodeMatchers.isVisible()).query());
    }

    /**
     * A touch on {@code node}. One the window does not show whole (beyond its edge, or clipped by a page squeezed
     * short by a docked keypad in elder mode) is pressed or focused directly instead: a robot's touch there would
     * land on whatever covers it, and the kiosk's own 1920 × 1080 screen has room for it.
     */
    public void tap(Node node) {
        scrollTo(node);
        if (shown(node)) {
            robot.clickOn(node);
        } else if (node instanceof ButtonBase button) {
            robot.interact(button::fire);
        } else {
            robot.interact(node::requestFocus);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Whether the whole node lies inside the window (the frame, when a larger screen is drawn scaled down into it)
     * and inside every parent, so inside the viewport of every page it is on.
     */
    static boolean shown(Node node) {
        return outside(node).isEmpty();
    }

    /** What the node sticks out of ({@link #shown}): the window or a parent, named; empty when it shows whole. */
    static java.util.Optional<String> outside(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        Scene scene = node.getScene();
        Node frame = scene.getRoot() instanceof javafx.scene.Group group ? group.getChildren().getFirst()
                : scene.getRoot();
        Bounds window = frame.localToScene(frame.getLayoutBounds());
        if (b.getMinX() < Math.max(0, window.getMinX()) || b.getMinY() < Math.max(0, window.getMinY())
                || b.getMaxX() > Math.min(scene.getWidth(), window.getMaxX())
                || b.getMaxY() > Math.min(scene.getHeight(), window.getMaxY())) {
            return java.util.Optional.of("the window " + window + " (node at " + b + ")");
        }
        // Inside every page's viewport, and inside every styled part of the screen it is on: a node sticking out of
        // its bar lies under the parts beside it (a button pushed out of the action bar under the footer). A skin's
        // own unstyled panes are left out: a scroll pane's moving content pane has bounds of its own.
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            Bounds parent = n.localToScene(n.getLayoutBounds());
            if ((n instanceof ScrollPane || n instanceof javafx.scene.layout.Region && !n.getStyleClass().isEmpty())
                    && (b.getMinX() < parent.getMinX() - 0.5
                    || b.getMinY() < parent.getMinY() - 0.5 || b.getMaxX() > parent.getMaxX() + 0.5
                    || b.getMaxY() > parent.getMaxY() + 0.5)) {
                return java.util.Optional.of(SceneGraph.describe(n) + " " + n.getStyleClass() + " at " + parent
                        + " (node at " + b + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Waits until {@code query} finds a node that shows (it and every parent visible), looking on the FX thread:
     * background work re-renders parts of the scene.
     */
    public void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(query).match(NodeMatchers.isVisible()).tryQuery().isPresent()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The visible nodes of a type in the window. */
    public <T extends Node> List<T> visible(Class<T> type) {
        WaitForAsyncUtils.waitForFxEvents();
        List<List<T>> found = new ArrayList<>();
        robot.interact(() -> found.add(SceneGraph.visible(robot.lookup(".root").query(), type)));
        return found.getFirst();
    }

    /** The texts of the visible labels and buttons in the window. */
    public List<String> texts() {
        WaitForAsyncUtils.waitForFxEvents();
        List<List<String>> found = new ArrayList<>();
        robot.interact(() -> found.add(SceneGraph.texts(robot.lookup(".root").query())));
        return found.getFirst();
    }

    public void scrollTo(String query) {
        scrollTo(robot.lookup(query).query());
    }

    /** Scrolls the page holding {@code node} so that it shows a third of the way down. */
    public void scrollTo(Node node) {
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll) {
                    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    scroll.setVvalue(contentHeight <= viewport ? 0
                            : Math.min(1, Math.max(0, (y - viewport / 3) / (contentHeight - viewport))));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
