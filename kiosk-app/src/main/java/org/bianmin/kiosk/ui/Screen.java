package org.bianmin.kiosk.ui;

/**
 * A screen's view-model: plain logic that tests drive without a window. Its package registers its view through
 * {@link ScreenViews}.
 */
public interface Screen {

    /** Called when the screen becomes current (e.g. start polling a device). */
    default void enter() {}

    /** Called when another screen replaces it (e.g. stop polling). */
    default void leave() {}
}
