package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import org.bianmin.kiosk.demo.DemoApplication;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception nothing caught, on the FX thread as from a button's handler: the application's default handler
 * (installed first in {@code KioskApplication.start}, which the demo's application runs) logs it and the citizen reads, in their language, that what they did did not
 * go through, until the screen changes; the kiosk goes on answering.
 */
class UncaughtFailureUiTest extends FxRobot {

    @TempDir
    Path data;
    private Application app;
    private Thread.UncaughtExceptionHandler before;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anUncaughtExceptionIsToldOnScreenUntilTheScreenChanges(Language language) throws Exception {
        before = Thread.getDefaultUncaughtExceptionHandler();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DemoApplication.class, "--windowed", "--data-dir", data.toString());
        clickOn("#lang-" + language.tag());
        String told = new Messages(language).get("shell.failed");

        Platform.runLater(() -> {
            throw new IllegalStateException("injected: a handler that throws");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#shell-failed").tryQuery().isPresent());
        assertThat(lookup("#shell-failed").queryAs(Labeled.class).getText()).isEqualTo(told);

        clickOn("#progress"); // the kiosk still answers: on to another screen
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#progress-field").tryQuery().isPresent());
        assertThat(lookup("#shell-failed").tryQuery()).as("gone with the screen it was about").isEmpty();
    }
}
