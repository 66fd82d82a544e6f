package org.bianmin.kiosk.admin;

import org.bianmin.kiosk.ui.Screen;

/**
 * A screen behind the hidden entry (the PIN pad and every console). The shell frames it without the citizen's
 * language, elder-mode and Back/Home controls and with a visible "退出 / Log out" button; the admin idle time,
 * not the citizen's, applies while it is current. A console registers with {@link Consoles}; its view is a case
 * in the {@link org.bianmin.kiosk.ui.ScreenViews} its package registers.
 */
public interface AdminScreen extends Screen {

    /** Bundle key of the title shown in the admin header. */
    String titleKey();
}
