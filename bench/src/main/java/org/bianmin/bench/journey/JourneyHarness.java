package org.bianmin.bench.journey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import org.bianmin.bench.Harness;
import org.bianmin.bench.Percentiles;
import org.bianmin.kiosk.app.KioskLauncher;
import org.bianmin.kiosk.app.TransitionTimer;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kiosk bench journey}: the demo kiosk (simulated reader and printer, embedded portal) in this JVM on
 * JavaFX's headless platform, driven by a robot's touches (mouse press and release at the centre of each button)
 * through {@value #SESSIONS} citizen sessions (or {@code BENCH_SESSIONS}): department → item → detail → apply →
 * card (the demo bar's button) → form by keypad → consent → review → submit → receipt → rating → home. The kiosk's
 * own {@link TransitionTimer} times each transition (input → the pulse that lays the new screen out); this
 * harness collects its debug log and prints p50 / p95 / max per transition.
 */
public final class JourneyHarness implements Harness {

    static final int SESSIONS = 20;
    private static final String ITEM_NAME = "社会保障卡挂失";
    private static final String PHONE = "13812345678";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<TransitionTimer.Transition> transitions = new CopyOnWriteArrayList<>();
    private Robot robot;

    @Override
    public String name() {
        return "journey";
    }

    @Override
    public List<Figure> run() throws Exception {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        int sessions = Integer.parseInt(System.getenv().getOrDefault("BENCH_SESSIONS", String.valueOf(SESSIONS)));
        Path data = Files.createTempDirectory("journey-bench");
        Thread kiosk = Thread.ofPlatform().name("kiosk-main").daemon().start(() -> {
            try {
                KioskLauncher.main(new String[] {"--demo", "--windowed", "--data-dir", data.toString()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor("search-field");
        collectTransitions();
        robot = fx(Robot::new);
        Catalogue catalogue = new CatalogueReader().readSample();
        ServiceItem item = catalogue.items().stream().filter(i -> i.name().equals(ITEM_NAME)).findFirst()
                .orElseThrow();
        FormDefinition.Field choice = item.form().fields().stream().filter(f -> !f.options().isEmpty())
                .findFirst().orElseThrow();
        for (int s = 0; s < sessions; s++) {
            session(item, choice);
            System.out.printf(Locale.ROOT, "journey: session %d of %d done%n", s + 1, sessions);
        }
        fx(() -> {
            Platform.exit();
            return null;
        });
        kiosk.join(TimeUnit.SECONDS.toMillis(30));
        return figures();
    }

    private void session(ServiceItem item, FormDefinition.Field choice) throws Exception {
        tap("dept-" + item.department());
        tap("item-" + item.code());
        tap("apply");
        waitFor("demo-place-card");
        tap("demo-place-card");
        waitFor("journey-form");
        tap("field-phone");
        for (char c : PHONE.toCharArray()) {
            tap("key-" + c);
        }
        tap("choice-" + choice.key() + "-0");
        tap("form-next");
        tap("consent-agree");
        tap("review-submit");
        waitFor("journey-receipt");
        tap("demo-remove-card");
        tap("receipt-finish");
        tap("rating-5");
        tap("rating-submit");
        waitFor("search-field");
    }

    /** The kiosk's transition log, at debug level, into {@link #transitions}. */
    private void collectTransitions() {
        Logger logger = (Logger) LoggerFactory.getLogger(TransitionTimer.class);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                Object[] args = event.getArgumentArray();
                if (args != null && args.length == 3) {
                    transitions.add(new TransitionTimer.Transition(args[0].toString(), args[1].toString(),
                            Math.round(Double.parseDouble(args[2].toString()) * 1e6)));
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    private List<Figure> figures() {
        Map<String, List<Double>> byTransition = new LinkedHashMap<>();
        for (TransitionTimer.Transition t : transitions) {
            byTransition.computeIfAbsent(t.from() + " → " + t.to(), k -> new ArrayList<>()).add(t.nanos() / 1e6);
        }
        List<Figure> figures = new ArrayList<>();
        byTransition.forEach((name, ms) -> {
            String n = "n=" + ms.size();
            double max = ms.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            figures.add(new Figure("journey " + name + " p50", Percentiles.of(ms, 50), "ms", n));
            figures.add(new Figure("journey " + name + " p95", Percentiles.of(ms, 95), "ms",
                    n + ", max " + String.format(Locale.ROOT, "%.1f", max) + " ms; goal p95 ≤ 100 ms"));
        });
        return figures;
    }

    /** A press and release at the centre of the node with this id, once it shows, scrolled into view first. */
    private void tap(String id) throws Exception {
        Node node = waitFor(id);
        fx(() -> {
            scrollIntoView(node);
            return null;
        });
        nextPulse(); // the screen as laid out and shown, not as built: a tap lands where the citizen sees it
        double[] at = fx(() -> {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            return new double[] {b.getCenterX(), b.getCenterY()};
        });
        fx(() -> {
            robot.mouseMove(at[0], at[1]);
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
    }

    /** Returns once the FX thread has run a pulse after this call: CSS, layout and the frame of what is there. */
    private static void nextPulse() throws Exception {
        CompletableFuture<Void> pulsed = new CompletableFuture<>();
        Platform.runLater(() -> {
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    pulsed.complete(null);
                }
            }.start();
            Platform.requestNextPulse();
        });
        pulsed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        fx(() -> null); // the pulse's layout has run once its runnables after it do
    }

    private static void scrollIntoView(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                scroll.setVvalue(content <= viewport ? 0
                        : Math.min(1, Math.max(0, (y - viewport / 3) / (content - viewport))));
                return;
            }
        }
    }

    /** The shown, enabled node with this id in any window, waited for up to {@link #WAIT}. */
    private Node waitFor(String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Node found = Platform.isFxApplicationThread() ? null : fxIfRunning(() -> find(id));
            if (found != null) {
                return found;
            }
            Thread.sleep(20); // polling the scene: the kiosk's own threads move it on
        }
        throw new IllegalStateException("#" + id + " did not show within " + WAIT.toSeconds() + " s");
    }

    private static Node find(String id) {
        for (Window w : Window.getWindows()) {
            Scene scene = w.getScene();
            Node n = scene == null ? null : scene.lookup("#" + id);
            if (n != null && shows(n) && !n.isDisabled()) {
                return n;
            }
        }
        return null;
    }

    private static boolean shows(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fx}, or null while the toolkit is not up yet. */
    private static <T> T fxIfRunning(Callable<T> work) throws Exception {
        try {
            return fx(work);
        } catch (IllegalStateException toolkitNotStarted) {
            return null;
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
