package org.bianmin.kiosk.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.ui.CjkFont;
import org.bianmin.kiosk.shell.KioskShell;
import org.bianmin.kiosk.ui.Lockdown;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.watchdog.Liveness;
import org.bianmin.kiosk.watchdog.Notifier;
import org.bianmin.kiosk.watchdog.SystemdNotifier;
import org.bianmin.kiosk.watchdog.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: assembles the {@link Kiosk} off the FX thread, then shows it locked full-screen. A
 * launcher that adds to the kiosk (the demo module's) subclasses it and overrides {@link #addOn}.
 */
public class KioskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KioskApplication.class);

    private static final Clock CLOCK = Clock.systemDefaultZone();
    private final Clock clock = CLOCK;
    private KioskOptions options;
    private Kiosk kiosk;
    private Timeline idleTicker;
    /** Set once the frame is up; read by the uncaught-exception handler on any thread. */
    private volatile KioskShell shell;
    private final Map<String, String> env = System.getenv();
    private final Notifier notifier = SystemdNotifier.fromEnvironment(env);
    private final ScheduledExecutorService watchdogThread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("watchdog").daemon().factory());

    /** The assembly {@link KioskLauncher} started before the FX toolkit, if it did (see {@link #openEarly}). */
    private static volatile CompletableFuture<Kiosk> opening;
    /** Completed once the toolkit runs ({@link #init} is called after it started): {@link #UI} waits for it. */
    private static final CompletableFuture<Void> TOOLKIT = new CompletableFuture<>();
    /**
     * Hands work to the FX thread. The assembly may be opened before the toolkit runs, and what it starts (sync,
     * devices) may finish before too: such a hand-over waits for the toolkit instead of failing.
     */
    private static final Executor UI = task -> {
        TOOLKIT.join();
        Platform.runLater(task);
    };

    /**
     * Starts {@link Kiosk#open} (database, catalogue, search index, self-check, devices and what {@code addOn}
     * adds) now, on its own thread, so it runs while the JavaFX toolkit starts instead of after it: on the kiosk's
     * two cores that takes the toolkit's start-up off the path to the first frame. {@link #init} waits for it.
     */
    static void openEarly(KioskOptions options, KioskAddOn.Factory addOn) {
        CompletableFuture<Kiosk> future = new CompletableFuture<>();
        Thread.ofPlatform().name("kiosk-open").daemon().start(() -> {
            try {
                future.complete(open(options, addOn));
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        });
        opening = future;
    }

    private static Kiosk open(KioskOptions options, KioskAddOn.Factory addOn)
            throws IOException, ConfigStore.ConfigException {
        DataDirectory data = options.dataDirectory().ensureExists();
        return Kiosk.open(data, new ConfigStore(data.config()).loadOrCreate(), CLOCK, UI, addOn);
    }

    /** Runs on the launcher thread, so the FX thread is free while files are read and servers start. */
    @Override
    public final void init() throws Exception {
        TOOLKIT.complete(null);
        options = KioskOptions.parse(getParameters().getRaw().toArray(String[]::new));
        CompletableFuture<Kiosk> early = opening;
        if (early == null) {
            kiosk = open(options, addOn()); // launched without KioskLauncher (tests)
            return;
        }
        try {
            kiosk = early.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** What this launcher adds to the kiosk: nothing for the production kiosk. */
    protected KioskAddOn.Factory addOn() {
        return KioskAddOn.NONE;
    }

    @Override
    public final void start(Stage stage) {
        // First: from here on an exception that no code caught is logged and told on screen, not left as a
        // screen that stays "busy" with nothing in the log.
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        KioskShell shell = kiosk.show();
        this.shell = shell;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.root(), Math.min(1280, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Widgets.class.getResource("kiosk.css").toExternalForm());
        switch (SystemFonts.resolution()) {
            case FontResolution.Usable u -> {
                LOG.info("fonts: {}", u.fonts().describe());
                CjkFont.family(u.fonts()).ifPresent(f -> shell.root().setStyle("-fx-font-family: '" + f + "';"));
            }
            case FontResolution.Unusable u -> LOG.error("fonts: {}", u.reason()); // the self-check's notice shows
        }
        watchIdle(scene);
        kiosk.watchWedge(scene);
        TransitionTimer.install(scene, kiosk.navigator().currentProperty());
        stage.setTitle("便民自助终端");
        stage.setScene(scene);
        if (!options.windowed()) {
            Lockdown.apply(stage, scene);
        }
        stage.show();
        onFirstFrame(this::serving);
    }

    private void uncaught(Thread thread, Throwable e) {
        LOG.error("uncaught exception on thread {}", thread.getName(), e);
        KioskShell shown = shell;
        if (shown != null) {
            try {
                Platform.runLater(shown::showFailure);
            } catch (IllegalStateException exiting) {
                // the FX toolkit has stopped: nothing is on screen to tell
            }
        }
    }

    /** Tells systemd the kiosk serves, and from now on pings its watchdog while every thread answers. */
    private void serving() {
        notifier.send("READY=1", "STATUS=serving");
        Thread.ofPlatform().name("warm-up").daemon().start(() -> {
            try {
                kiosk.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("warm-up after the first frame failed (the first use pays for it): {}", e.toString());
            }
        });
        SystemdNotifier.watchdogInterval(env).ifPresent(interval -> {
            List<Liveness.Probe> probes = new ArrayList<>(List.of(new Liveness.Probe("fx", Platform::runLater)));
            probes.addAll(kiosk.workers());
            // Stuck for half the interval stops the pings; systemd restarts the kiosk a full interval after the last.
            new Watchdog(new Liveness(clock, interval.dividedBy(2), probes), notifier)
                    .start(watchdogThread, interval.dividedBy(4));
        });
        if (options.exitAfterStart()) {
            LOG.info("--exit-after-start: exiting");
            Platform.exit();
        }
    }

    @Override
    public final void stop() {
        notifier.send("STOPPING=1");
        watchdogThread.shutdownNow();
        if (idleTicker != null) {
            idleTicker.stop();
        }
        kiosk.close();
    }

    private void watchIdle(Scene scene) {
        EventHandler<InputEvent> input = e -> kiosk.input(clock.instant());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, input);
        scene.addEventFilter(ScrollEvent.SCROLL, input);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        idleTicker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> kiosk.tick(clock.instant())));
        idleTicker.setCycleCount(Animation.INDEFINITE);
        idleTicker.play();
    }

    /** Logs the time from JVM start to the first frame the citizen can touch, then runs {@code then}. */
    private static void onFirstFrame(Runnable then) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long at = System.currentTimeMillis();
                long ms = at - ManagementFactory.getRuntimeMXBean().getStartTime();
                // The epoch time lets a harness (./kiosk bench startup) measure from its own spawn of the process.
                LOG.info("first interactive frame {} ms after JVM start (epoch ms {})", ms, at);
                then.run();
            }
        }.start();
    }
}
