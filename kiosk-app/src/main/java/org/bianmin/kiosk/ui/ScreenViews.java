package org.bianmin.kiosk.ui;

import javafx.scene.Node;

/**
 * A screen package's views, offered to the shell: each screen package registers the view of each of its
 * {@link Screen}s itself, and lists its provider in {@code META-INF/services/org.bianmin.kiosk.ui.ScreenViews},
 * so the shell (above the screens) renders them without naming any, and no screen imports the shell.
 * A provider needs a public no-argument constructor ({@link java.util.ServiceLoader}).
 */
public interface ScreenViews {

    void register(Registry registry);

    /** Where a provider puts its views. */
    interface Registry {
        <S extends Screen> void add(Class<S> screen, View<S> view);
    }

    /** Renders one screen's view-model; everything it binds to longer-lived objects goes through the scope. */
    @FunctionalInterface
    interface View<S extends Screen> {
        Node build(S screen, ViewScope scope);
    }
}
