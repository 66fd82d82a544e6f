package org.bianmin.kiosk.devices;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.WedgeBurstDetector;

/**
 * A keyboard-wedge (USB HID) scanner seen through JavaFX: a scene filter on typed keys that holds each key back
 * until the burst detector knows whether a scanner (keys milliseconds apart, then the suffix) or a person is typing.
 * Scans go to {@code scans}, the same place serial scans go; a person's keys are handed back to {@code typed}.
 * {@link #tick()} must run every few tens of milliseconds while {@link #holding()}, to release a person's keys.
 */
public final class WedgeKeyFilter implements EventHandler<KeyEvent> {

    private final WedgeBurstDetector detector;
    private final LongSupplier nanoTime;
    private final Consumer<ScanResult> scans;
    private final Consumer<String> typed;

    public WedgeKeyFilter(WedgeBurstDetector detector, LongSupplier nanoTime, Consumer<ScanResult> scans,
                          Consumer<String> typed) {
        this.detector = detector;
        this.nanoTime = nanoTime;
        this.scans = scans;
        this.typed = typed;
    }

    @Override
    public void handle(KeyEvent event) {
        if (event.getEventType() != KeyEvent.KEY_TYPED || event.getCharacter().isEmpty()
                || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        event.consume();
        for (char c : event.getCharacter().toCharArray()) {
            deliver(detector.key(c, nanoTime.getAsLong()));
        }
    }

    public void tick() {
        deliver(detector.idle(nanoTime.getAsLong()));
    }

    public boolean holding() {
        return detector.holding();
    }

    private void deliver(List<WedgeBurstDetector.Event> events) {
        for (WedgeBurstDetector.Event e : events) {
            switch (e) {
                case WedgeBurstDetector.Event.Scanned(ScanResult result) -> scans.accept(result);
                case WedgeBurstDetector.Event.Typed(String text) -> typed.accept(text);
            }
        }
    }
}
