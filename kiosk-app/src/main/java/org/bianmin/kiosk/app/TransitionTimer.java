package org.bianmin.kiosk.app;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touch → next screen, measured inside the kiosk: from the last input event the scene received (a touch or click,
 * pressed or released, or a key) to the first pulse after the navigator's current screen changed, taken when that
 * pulse has applied CSS and layout and hands the new screen to the renderer. Each transition is logged at debug
 * level on this class's logger ({@code transition FROM → TO N.NNN ms}), which {@code ./kiosk bench journey}
 * collects.
 *
 * <p>An input is used by one transition only, and only within {@link #MAX_WAIT} (a submit that waits up to 5 s for
 * the portal is a transition the citizen waits for; the idle wipe long after the last touch is not one). Changes
 * nobody touched for (a card read moving on to the form) are not timed. The times are those of the FX thread's
 * dispatch of the event, not of the touch panel's driver. Runs on the FX thread only.
 */
public final class TransitionTimer {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionTimer.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** One timed transition: the screens' class names and the time from input to pulse. */
    public record Transition(String from, String to, long nanos) {}

    private record Pending(String from, String to, long inputAt) {}

    private final LongSupplier nanoTime;
    private final Consumer<Transition> sink;
    private long inputAt = -1;
    private Pending pending;

    private TransitionTimer(LongSupplier nanoTime, Consumer<Transition> sink) {
        this.nanoTime = nanoTime;
        this.sink = sink;
    }

    /** Times the transitions of {@code current} (the navigator's screen) on {@code scene}, logging each. */
    public static void install(Scene scene, ObservableValue<?> current) {
        install(scene, current, System::nanoTime, TransitionTimer::log);
    }

    static void install(Scene scene, ObservableValue<?> current, LongSupplier nanoTime, Consumer<Transition> sink) {
        TransitionTimer timer = new TransitionTimer(nanoTime, sink);
        EventHandler<InputEvent> input = e -> timer.inputAt = nanoTime.getAsLong();
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, input);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, input);
        scene.addEventFilter(TouchEvent.TOUCH_RELEASED, input);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        current.addListener((property, before, after) -> timer.switched(before, after));
        scene.addPostLayoutPulseListener(timer::pulse);
    }

    private void switched(Object before, Object after) {
        if (pending != null) {
            // Two switches before one pulse (back, then on) show one new screen, timed from the first's input.
            pending = new Pending(pending.from(), name(after), pending.inputAt());
            return;
        }
        if (inputAt < 0 || nanoTime.getAsLong() - inputAt > MAX_WAIT.toNanos()) {
            return;
        }
        pending = new Pending(name(before), name(after), inputAt);
        inputAt = -1;
    }

    private void pulse() {
        if (pending != null) {
            sink.accept(new Transition(pending.from(), pending.to(), nanoTime.getAsLong() - pending.inputAt()));
            pending = null;
        }
    }

    private static String name(Object screen) {
        return screen == null ? "none" : screen.getClass().getSimpleName();
    }

    private static void log(Transition t) {
        LOG.debug("transition {} → {} {} ms", t.from(), t.to(),
                String.format(java.util.Locale.ROOT, "%.3f", t.nanos() / 1e6));
    }
}
