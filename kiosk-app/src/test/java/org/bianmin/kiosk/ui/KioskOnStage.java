package org.bianmin.kiosk.ui;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.app.KioskAddOn;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.shell.KioskShell;
import org.testfx.api.FxToolkit;

/** The assembled kiosk in a window (1000 × 1000 unless told) on the headless platform, for TestFX tests to drive. */
public final class KioskOnStage {

    /** JavaFX's headless platform has one 1000 × 1000 screen; a larger window cannot be drawn on it. */
    private static final double HEADLESS_SCREEN = 1000;

    private KioskOnStage() {}

    /** Opens the production kiosk (nothing added) on {@code data} with {@code config} and {@code clock}. */
    public static Kiosk open(Path data, KioskConfig config, Clock clock) throws Exception {
        return open(data, config, clock, KioskAddOn.NONE);
    }

    /**
     * The kiosk with what {@code addOn} adds (kiosk-demo's tests: the demo), with a given config (written to
     * config.json first, as the application does) and clock.
     */
    public static Kiosk open(Path data, KioskConfig config, Clock clock, KioskAddOn.Factory addOn) throws Exception {
        return open(data, config, clock, addOn, 1000, 1000);
    }

    /** The same on a window of the given size, as a kiosk's screen of that size would show it. */
    public static Kiosk open(Path data, KioskConfig config, Clock clock, KioskAddOn.Factory addOn, double width,
                             double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        DataDirectory dir = new DataDirectory(data).ensureExists();
        new ConfigStore(dir.config()).save(config);
        Kiosk kiosk = Kiosk.open(dir, config, clock, Platform::runLater, addOn);
        FxToolkit.setupStage(stage -> {
            KioskShell shell = kiosk.show();
            Scene scene = width <= HEADLESS_SCREEN && height <= HEADLESS_SCREEN
                    ? new Scene(shell.root(), width, height) : scaledDown(shell.root(), width, height);
            scene.getStylesheets().add(Widgets.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            // The headless screen's framebuffer is 1000 x 1000 and its blit does not clip: a window placed
            // elsewhere (where an earlier scene left the stage) overflows it at the edge (IndexOutOfBounds).
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        return kiosk;
    }

    /**
     * A kiosk screen larger than the headless platform's: the frame is laid out at the screen's full size (sizes,
     * fonts and viewports are those of that screen) and drawn scaled down to fit the platform's screen.
     */
    private static Scene scaledDown(Region frame, double width, double height) {
        frame.getStyleClass().add("root"); // the theme's root rules (root font, palette, elder mode) apply to it
        frame.setMinSize(width, height);
        frame.setPrefSize(width, height);
        frame.setMaxSize(width, height);
        double scale = HEADLESS_SCREEN / Math.max(width, height);
        frame.getTransforms().add(new Scale(scale, scale));
        return new Scene(new Group(frame), width * scale, height * scale);
    }

    public static void close(Kiosk kiosk) throws Exception {
        FxToolkit.cleanupStages();
        kiosk.close();
    }
}
