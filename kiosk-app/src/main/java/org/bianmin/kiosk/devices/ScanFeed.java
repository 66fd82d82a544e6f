package org.bianmin.kiosk.devices;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.bianmin.device.supervisor.ManagedDevice;

/**
 * Every configured scanner, serial or keyboard wedge, feeding one consumer on the FX thread. Serial scanners are
 * read on threads of their own; a wedge scanner is a key filter on the scene. Follows the technician's edits: a
 * scanner that became a wedge scanner (or back) is read the new way, a wedge scanner with new settings gets a new
 * filter.
 */
public final class ScanFeed implements AutoCloseable {

    private static final Duration SCAN_WAIT = Duration.ofSeconds(1);

    private final ConfiguredDevices devices;
    private final Executor ui;
    private final Consumer<ScanResult> scans;
    private final ExecutorService readers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("scanner").daemon().factory());
    private final Map<SerialScanner, Future<?>> reading = new HashMap<>();
    private Scene scene;
    private Optional<ManagedDevice.WedgeScanner> wedge = Optional.empty();
    private WedgeKeyFilter filter;
    private Timeline release;

    public ScanFeed(ConfiguredDevices devices, Executor ui, Consumer<ScanResult> scans) {
        this.devices = devices;
        this.ui = ui;
        this.scans = scans;
        devices.addListener(() -> {
            follow();
            ui.execute(this::followWedge);
        });
        follow();
    }

    /** Starts reading serial scanners that are new, stops reading those that are gone. */
    private synchronized void follow() {
        List<ManagedDevice.Scanner> now = devices.serialScanners();
        reading.entrySet().removeIf(e -> {
            if (now.stream().anyMatch(d -> d.scanner() == e.getKey())) {
                return false;
            }
            e.getKey().cancel();
            e.getValue().cancel(true);
            return true;
        });
        for (ManagedDevice.Scanner device : now) {
            reading.computeIfAbsent(device.scanner(), s -> readers.submit(() -> read(device)));
        }
    }

    private void read(ManagedDevice.Scanner device) {
        while (!Thread.currentThread().isInterrupted()) {
            // While the port is down the supervisor is reconnecting: reading would only fail, over and over.
            if (!device.supervisor().awaitConnected(SCAN_WAIT)) {
                pause(); // returns at once once the device is closed: wait for this loop to be cancelled
                continue;
            }
            ScanResult result = device.scanner().next(SCAN_WAIT);
            if (result instanceof ScanResult.Failed) {
                pause(); // the supervisor has yet to notice the port is gone
            } else if (!(result instanceof ScanResult.NoScan)) {
                ui.execute(() -> scans.accept(result));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SCAN_WAIT.toMillis() / 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs the keyboard-wedge scanner's key filter on {@code scene} (FX thread), and keeps it current. */
    public void watch(Scene scene) {
        this.scene = scene;
        followWedge();
    }

    private void followWedge() {
        Optional<ManagedDevice.WedgeScanner> now = devices.wedge();
        if (scene == null || now.equals(wedge)) {
            return;
        }
        if (filter != null) {
            scene.removeEventFilter(KeyEvent.KEY_TYPED, filter);
            release.stop();
            filter = null;
        }
        wedge = now;
        now.ifPresent(w -> install(w.options()));
    }

    private void install(WedgeBurstDetector.Options options) {
        Scene on = scene;
        filter = new WedgeKeyFilter(new WedgeBurstDetector(options), System::nanoTime, scans, text -> {
            if (on.getFocusOwner() instanceof TextInputControl field) {
                field.replaceSelection(text);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, filter);
        WedgeKeyFilter current = filter;
        release = new Timeline(new KeyFrame(javafx.util.Duration.millis(25), e -> {
            if (current.holding()) {
                current.tick();
            }
        }));
        release.setCycleCount(Animation.INDEFINITE);
        release.play();
    }

    @Override
    public synchronized void close() {
        reading.keySet().forEach(SerialScanner::cancel);
        readers.shutdownNow();
    }
}
