package org.bianmin.kiosk.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.ui.KioskOnStage;

/**
 * The demo assembly on a stage (1000 × 1000 unless told), as {@code ./kiosk demo} runs it: simulated reader and
 * virtual printer on in-memory links, the embedded portal, the demo bar. {@code demo} is what the demo added, for
 * tests to place cards, read printed rolls, unplug the network and look into the portal.
 */
public record DemoOnStage(Kiosk kiosk, DemoEnvironment demo) {

    public static DemoOnStage open(Path data) throws Exception {
        return open(data, KioskConfig.defaults(), Clock.systemDefaultZone(), 1000, 1000);
    }

    /** On a window of the given size, as a kiosk's screen of that size would show it. */
    public static DemoOnStage open(Path data, double width, double height) throws Exception {
        return open(data, KioskConfig.defaults(), Clock.systemDefaultZone(), width, height);
    }

    public static DemoOnStage open(Path data, KioskConfig config, Clock clock) throws Exception {
        return open(data, config, clock, 1000, 1000);
    }

    private static DemoOnStage open(Path data, KioskConfig config, Clock clock, double width, double height)
            throws Exception {
        AtomicReference<DemoEnvironment> demo = new AtomicReference<>();
        Kiosk kiosk = KioskOnStage.open(data, config, clock, (catalogue, devices, dir) -> {
            demo.set(DemoEnvironment.start(catalogue, devices, dir));
            return demo.get();
        }, width, height);
        return new DemoOnStage(kiosk, demo.get());
    }
}
