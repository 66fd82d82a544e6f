package org.bianmin.bench.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import org.bianmin.kiosk.demo.DemoLauncher;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * The demo kiosk (simulated reader and printer, embedded portal) started in this JVM on JavaFX's headless platform
 * through {@link DemoLauncher}, and a robot's touches on it: a press and release at the centre of a button, once a
 * pulse has laid the screen out. JavaFX starts once per JVM, so the harnesses share one kiosk ({@link #shared});
 * {@link #stopIfStarted} ends it.
 */
public final class KioskDriver {

    private static final String ITEM_NAME = "社会保障卡挂失";
    private static final String PHONE = "13812345678";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KioskDriver shared;

    private final Thread kiosk;
    private final Robot robot;
    private final ServiceItem item;
    private final FormDefinition.Field choice;

    private KioskDriver(Thread kiosk, Robot robot) {
        this.kiosk = kiosk;
        this.robot = robot;
        this.item = new CatalogueReader().readSample().items().stream().filter(i -> i.name().equals(ITEM_NAME))
                .findFirst().orElseThrow();
        this.choice = item.form().fields().stream().filter(f -> !f.options().isEmpty()).findFirst().orElseThrow();
    }

    /** The kiosk of this JVM, started on first use on a fresh data directory. */
    public static synchronized KioskDriver shared() throws Exception {
        if (shared == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
            Path data = Files.createTempDirectory("kiosk-bench");
            Thread kiosk = Thread.ofPlatform().name("kiosk-main").daemon().start(() -> {
                try {
                    DemoLauncher.main(new String[] {"--windowed", "--data-dir", data.toString()});
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor("search-field");
            shared = new KioskDriver(kiosk, fx(Robot::new));
        }
        return shared;
    }

    /** Exits the shared kiosk, if a harness started one (its FX thread would keep the JVM alive). */
    public static synchronized void stopIfStarted() throws Exception {
        if (shared != null) {
            fx(() -> {
                Platform.exit();
                return null;
            });
            shared.kiosk.join(TimeUnit.SECONDS.toMillis(30));
            shared = null;
        }
    }

    /**
     * One citizen session from the home screen back to it: department → item → detail → apply → card (the demo
     * bar's button) → form by keypad → consent → review → submit → receipt → card taken → rating → home.
     */
    public void session() throws Exception {
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

    /** A press and release at the centre of the node with this id, once it shows, scrolled into view first. */
    public void tap(String id) throws Exception {
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
    static Node waitFor(String id) throws Exception {
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
