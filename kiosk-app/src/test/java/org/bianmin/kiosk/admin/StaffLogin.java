package org.bianmin.kiosk.admin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The hidden staff entry by touch, as UI tests of the consoles use it. */
public final class StaffLogin {

    private StaffLogin() {}

    /** Taps the top-left corner of the kiosk {@code times} times. */
    public static void tapCorner(FxRobot robot, int times) {
        Node root = robot.lookup(".shell").query();
        Bounds screen = root.localToScreen(root.getBoundsInLocal());
        for (int i = 0; i < times; i++) {
            robot.clickOn(screen.getMinX() + 20, screen.getMinY() + 20);
        }
    }

    /** Opens the PIN pad, types {@code pin}, and waits until the node {@code consoleId} is up. */
    public static void login(FxRobot robot, String pin, String consoleId) throws TimeoutException {
        tapCorner(robot, 5);
        for (char c : pin.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(consoleId).tryQuery().isPresent());
        // The console's section sits in a scroll pane, whose skin attaches it at the next layout pulse.
        WaitForAsyncUtils.waitForFxEvents();
    }
}
