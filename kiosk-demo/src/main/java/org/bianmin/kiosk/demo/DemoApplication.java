package org.bianmin.kiosk.demo;

import org.bianmin.kiosk.app.KioskAddOn;
import org.bianmin.kiosk.app.KioskApplication;

/** The kiosk application with the demo added: embedded portal, simulated devices' controls, the demo bar. */
public final class DemoApplication extends KioskApplication {

    /** The demo's add-on: {@link DemoLauncher} starts it before the toolkit, a test's launch through here. */
    static final KioskAddOn.Factory ADD_ON = DemoEnvironment::start;

    @Override
    protected KioskAddOn.Factory addOn() {
        return ADD_ON;
    }
}
