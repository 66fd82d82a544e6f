package org.bianmin.kiosk.demo;

import java.io.IOException;
import org.bianmin.kiosk.app.KioskLauncher;

/** {@code ./kiosk demo}: the kiosk with the demo added, logging to the console (a development run). */
public final class DemoLauncher {

    private DemoLauncher() {}

    public static void main(String[] args) throws IOException {
        KioskLauncher.launch(DemoApplication.class, true, args);
    }
}
