package org.bianmin.kiosk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The citizen's path through the screens: forward, back, and home (which forgets the path). */
public final class Navigator {

    private final Screen home;
    private final ReadOnlyObjectWrapper<Screen> current;
    private final Deque<Screen> history = new ArrayDeque<>();

    public Navigator(Screen home) {
        this.home = home;
        this.current = new ReadOnlyObjectWrapper<>(home);
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Screen current() {
        return current.get();
    }

    public void show(Screen screen) {
        history.push(current.get());
        switchTo(screen);
    }

    /**
     * Shows a screen that must not be backed out of (the receipt after a submit): the path behind it is forgotten,
     * so Back leads home rather than to a form that could be submitted twice.
     */
    public void showWithoutReturn(Screen screen) {
        history.clear();
        history.push(home);
        switchTo(screen);
    }

    public boolean atHome() {
        return current.get() == home;
    }

    public boolean canGoBack() {
        return !history.isEmpty();
    }

    public void back() {
        if (!history.isEmpty()) {
            switchTo(history.pop());
        }
    }

    public void home() {
        history.clear();
        switchTo(home);
    }

    private void switchTo(Screen next) {
        Screen previous = current.get();
        if (previous != next) {
            previous.leave();
        }
        current.set(next);
        if (previous != next) {
            next.enter();
        }
    }
}
