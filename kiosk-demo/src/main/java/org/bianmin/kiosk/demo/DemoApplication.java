package org.bianmin.kiosk.demo;

import org.bianmin.kiosk.app.KioskAddOn;
import org.bianmin.kiosk.app.KioskApplication;

/** The kiosk application with the demo added: embedded portal, simulated devices' controls, the demo bar. */
public final class DemoApplication extends KioskApplication {

    @Override
    protected KioskAddOn.Factory addOn() {
        return DemoEnvironment::start;
    }
}
