package org.bianmin.kiosk.app;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.ui.CjkFont;
import org.bianmin.kiosk.ui.KioskShell;
import org.bianmin.kiosk.ui.Lockdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: assembles the {@link Kiosk} off the FX thread, then shows it locked full-screen. */
public final class KioskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KioskApplication.class);

    private final Clock clock = Clock.systemDefaultZone();
    private KioskOptions options;
    private Kiosk kiosk;
    private Timeline idleTicker;

    /** Runs on the launcher thread, so the FX thread is free while files are read and servers start. */
    @Override
    public void init() throws Exception {
        options = KioskOptions.parse(getParameters().getRaw().toArray(String[]::new));
        DataDirectory data = options.dataDirectory().ensureExists();
        kiosk = Kiosk.open(data, new ConfigStore(data.config()).loadOrCreate(), options.demo(), clock);
    }

    @Override
    public void start(Stage stage) {
        KioskShell shell = kiosk.show(Platform::runLater);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.root(), Math.min(1280, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(KioskShell.class.getResource("kiosk.css").toExternalForm());
        CjkFont.family().ifPresentOrElse(
                family -> shell.root().setStyle("-fx-font-family: '" + family + "';"),
                () -> LOG.error("no CJK font installed: Chinese text cannot be shown (install fonts-wqy-microhei)"));
        watchIdle(scene, kiosk.idle());
        kiosk.watchWedge(scene);
        stage.setTitle("便民自助终端");
        stage.setScene(scene);
        if (!options.windowed()) {
            Lockdown.apply(stage, scene);
        }
        stage.show();
        logFirstFrame();
    }

    @Override
    public void stop() {
        if (idleTicker != null) {
            idleTicker.stop();
        }
        kiosk.close();
    }

    private void watchIdle(Scene scene, IdleMonitor idle) {
        EventHandler<InputEvent> input = e -> idle.input(clock.instant());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, input);
        scene.addEventFilter(ScrollEvent.SCROLL, input);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        idleTicker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> idle.tick(clock.instant())));
        idleTicker.setCycleCount(Animation.INDEFINITE);
        idleTicker.play();
    }

    /** Logs the time from JVM start to the first frame the citizen can touch. */
    private static void logFirstFrame() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("first interactive frame {} ms after JVM start", ms);
            }
        }.start();
    }
}
