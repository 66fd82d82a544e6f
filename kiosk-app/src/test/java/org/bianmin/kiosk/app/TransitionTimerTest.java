package org.bianmin.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Touch → next screen is timed from the input to the pulse that lays the new screen out, on a clock we set. */
class TransitionTimerTest {

    /** Stand-ins for screens: the timer names them by class. */
    record Home() {}

    record Detail() {}

    record Identify() {}

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<TransitionTimer.Transition> timed = new CopyOnWriteArrayList<>();
    private final SimpleObjectProperty<Object> current = new SimpleObjectProperty<>(new Home());
    private Stage stage;
    private Scene scene;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            scene = new Scene(new StackPane(), 200, 100);
            TransitionTimer.install(scene, current, clock::get, timed::add);
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    private void tap() throws Exception {
        FxToolkit.setupFixture(() -> Event.fireEvent(scene.getRoot(), new MouseEvent(MouseEvent.MOUSE_RELEASED,
                10, 10, 10, 10, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                false, null)));
    }

    /** Switches the screen, advances the clock, and lets one pulse run. */
    private void switchAndPulse(Object next, long nanosLater) throws Exception {
        FxToolkit.setupFixture(() -> {
            current.set(next);
            clock.addAndGet(nanosLater);
            Platform.requestNextPulse();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTapThenASwitchIsTimedToTheNextPulse() throws Exception {
        tap();
        clock.addAndGet(30_000_000);
        switchAndPulse(new Detail(), 12_000_000);
        assertThat(timed).containsExactly(new TransitionTimer.Transition("Home", "Detail", 42_000_000));
    }

    @Test
    void aSwitchNobodyTouchedForIsNotTimedAndATapIsUsedOnce() throws Exception {
        switchAndPulse(new Detail(), 1_000_000);
        assertThat(timed).as("no input before it (a card read moving on)").isEmpty();
        tap();
        switchAndPulse(new Identify(), 5_000_000);
        switchAndPulse(new Home(), 5_000_000);
        assertThat(timed).containsExactly(new TransitionTimer.Transition("Detail", "Identify", 5_000_000));
    }

    @Test
    void aTapLongerAgoThanTheWaitIsNotTheCause() throws Exception {
        tap();
        clock.addAndGet(TransitionTimer.MAX_WAIT.toNanos() + 1);
        switchAndPulse(new Home(), 1_000_000);
        assertThat(timed).as("the idle wipe long after the last touch").isEmpty();
    }
}
