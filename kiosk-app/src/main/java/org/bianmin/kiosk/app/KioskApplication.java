package org.bianmin.kiosk.app;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.demo.DemoEnvironment;
import org.bianmin.kiosk.home.HomeViewModel;
import org.bianmin.kiosk.home.KeywordFinder;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.session.KioskSession;
import org.bianmin.kiosk.ui.CjkFont;
import org.bianmin.kiosk.ui.KioskShell;
import org.bianmin.kiosk.ui.Lockdown;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires config, catalogue and (in demo) the embedded portal, then shows the shell. */
public final class KioskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KioskApplication.class);

    private KioskOptions options;
    private KioskConfig config;
    private Catalogue catalogue;
    private DemoEnvironment demo;
    private final Clock clock = Clock.systemDefaultZone();
    private Navigator navigator;
    private Timeline idleTicker;

    /** Runs on the launcher thread, so the FX thread is free while files are read and servers start. */
    @Override
    public void init() throws Exception {
        options = KioskOptions.parse(getParameters().getRaw().toArray(String[]::new));
        DataDirectory data = options.dataDirectory().ensureExists();
        config = new ConfigStore(data.config()).loadOrCreate();
        catalogue = new CatalogueReader().readSample();
        if (options.demo()) {
            demo = DemoEnvironment.start(catalogue);
        }
        LOG.info("kiosk {} starting: version {}, data {}, catalogue version {} ({} items){}", config.kioskId(),
                Version.current(), data.root(), catalogue.version(), catalogue.items().size(),
                options.demo() ? ", demo portal " + demo.portalUrl() : "");
    }

    @Override
    public void start(Stage stage) {
        Language language = Language.ofTag(config.language());
        Messages messages = new Messages(language);
        HomeViewModel home = new HomeViewModel(() -> catalogue, new KeywordFinder(() -> catalogue),
                () -> navigator);
        navigator = new Navigator(home);
        KioskSession session = new KioskSession(navigator, messages, language);
        IdleMonitor idle = new IdleMonitor(Duration.ofSeconds(config.idleSeconds()),
                Duration.ofSeconds(config.elderIdleSeconds()), Duration.ofSeconds(config.idleCountdownSeconds()),
                session::elderMode, clock.instant(), session::end);
        KioskShell shell = new KioskShell(navigator, messages, session, idle, new KioskShell.Identity(
                config.kioskId(), catalogue.hall().name(), catalogue.hall().phone()));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.root(), Math.min(1280, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(KioskShell.class.getResource("kiosk.css").toExternalForm());
        CjkFont.family().ifPresentOrElse(
                family -> shell.root().setStyle("-fx-font-family: '" + family + "';"),
                () -> LOG.error("no CJK font installed: Chinese text cannot be shown (install fonts-wqy-microhei)"));
        watchIdle(scene, idle);
        stage.setTitle(messages.get("app.title"));
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
        if (demo != null) {
            demo.close();
        }
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
