package org.bianmin.kiosk.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The bar at the bottom of a screen that keeps the keypad and the actions that move on (下一步, 提交, 完成) in reach
 * however long the page above is. The keypad stands at the left and the actions at the right edge when both fit side
 * by side; on a narrow (portrait) screen the actions go under the keypad instead of pushing the frame wider than the
 * screen. Either part may be absent or hidden ({@code managed} false).
 */
public final class ActionBar extends Pane {

    private final Node keys;
    private final Node actions;

    /**
     * @param keys    the keypad, or {@code null}
     * @param actions the buttons (one, or a box of them), or {@code null}
     */
    public ActionBar(Node keys, Node actions) {
        this.keys = keys;
        this.actions = actions;
        getStyleClass().add("action-bar");
        if (keys != null) {
            getChildren().add(keys);
        }
        if (actions != null) {
            getChildren().add(actions);
        }
    }

    /** The least room between keypad and actions side by side: the bar's own horizontal padding. */
    private double gap() {
        return getInsets().getLeft();
    }

    /** The room between keypad and actions stacked: the bar's own vertical padding. */
    private double stackedGap() {
        return getInsets().getTop();
    }

    private static boolean shown(Node n) {
        return n != null && n.isManaged();
    }

    /** The width a part takes: its preferred width, never under its minimum (a button's CSS min-width). */
    private static double width(Node n) {
        return shown(n) ? Math.max(n.minWidth(-1), n.prefWidth(-1)) : 0;
    }

    private static double height(Node n) {
        return shown(n) ? Math.max(n.minHeight(-1), n.prefHeight(-1)) : 0;
    }

    /** Its height depends on its width (stacked when narrow): parents must ask with the width they give it. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean sideBySide(double width) {
        Insets in = getInsets();
        return !shown(keys) || !shown(actions)
                || width(keys) + gap() + width(actions) <= width - in.getLeft() - in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return Math.max(width(keys), width(actions)) + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double between = shown(keys) && shown(actions) ? gap() : 0;
        return width(keys) + between + width(actions) + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double content = width < 0 || sideBySide(width) ? Math.max(height(keys), height(actions))
                : height(keys) + stackedGap() + height(actions);
        return content + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (sideBySide(getWidth())) {
            if (shown(keys)) {
                layoutInArea(keys, x, y, width(keys), h, 0, HPos.LEFT, VPos.CENTER);
            }
            if (shown(actions)) {
                layoutInArea(actions, x + w - width(actions), y, width(actions), h, 0, HPos.RIGHT, VPos.CENTER);
            }
        } else {
            layoutInArea(keys, x, y, w, height(keys), 0, HPos.LEFT, VPos.TOP);
            layoutInArea(actions, x, y + height(keys) + stackedGap(), w, height(actions), 0, HPos.RIGHT, VPos.TOP);
        }
    }
}
