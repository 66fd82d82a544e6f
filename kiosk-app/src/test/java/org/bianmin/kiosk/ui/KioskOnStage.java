package org.bianmin.kiosk.ui;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.testfx.api.FxToolkit;

/** The assembled kiosk in a 1000 × 1000 window on the headless platform, for TestFX tests to drive. */
public final class KioskOnStage {

    private KioskOnStage() {}

    /** Opens the kiosk on {@code data} (demo wiring: simulators and the embedded portal when {@code demo}). */
    public static Kiosk open(Path data, boolean demo) throws Exception {
        return open(data, KioskConfig.defaults(), demo, Clock.systemDefaultZone());
    }

    /** The same with a given config (written to config.json first, as the application does) and clock. */
    public static Kiosk open(Path data, KioskConfig config, boolean demo, Clock clock) throws Exception {
        FxToolkit.registerPrimaryStage();
        DataDirectory dir = new DataDirectory(data).ensureExists();
        new ConfigStore(dir.config()).save(config);
        Kiosk kiosk = Kiosk.open(dir, config, demo, clock);
        FxToolkit.setupStage(stage -> {
            KioskShell shell = kiosk.show(Platform::runLater);
            Scene scene = new Scene(shell.root(), 1000, 1000);
            scene.getStylesheets().add(KioskShell.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        return kiosk;
    }

    public static void close(Kiosk kiosk) throws Exception {
        FxToolkit.cleanupStages();
        kiosk.close();
    }
}
