package org.bianmin.kiosk.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.app.KioskAddOn;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.status.ServiceNotices;
import org.bianmin.kiosk.shell.KioskShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A failed start-up check on the real kiosk: only the function it affects goes, with its notice on screen. */
class SelfCheckOnScreenTest extends FxRobot {

    @TempDir
    Path data;

    private Kiosk kiosk;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        kiosk.close();
    }

    @Test
    void aClockFromBeforeThisSoftwareStopsApplyingButNotBrowsing() throws Exception {
        FxToolkit.registerPrimaryStage();
        Clock clock = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        kiosk = Kiosk.open(new DataDirectory(data).ensureExists(), KioskConfig.defaults(), clock, Platform::runLater,
                KioskAddOn.NONE);
        FxToolkit.setupStage(stage -> {
            KioskShell shell = kiosk.show();
            stage.setScene(new Scene(shell.root(), 1000, 1000));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(kiosk.selfCheck()).anyMatch(r -> r.name().equals("clock")
                && r.status() == CheckResult.Status.FAIL);
        assertThat(lookup("#" + ServiceNotices.APPLY_UNAVAILABLE.replace('.', '-')).tryQuery()).isPresent();
        assertThat(lookup("#" + ServiceNotices.READER_UNAVAILABLE.replace('.', '-')).tryQuery()).isEmpty();

        var item = kiosk.catalogue().items().stream().filter(i -> i.kioskHandleable() && i.form() != null)
                .findFirst().orElseThrow();
        clickOn("#dept-" + item.department());
        clickOn("#item-" + item.code());
        assertThat(lookup("#item-detail").tryQuery()).as("browsing still works").isPresent();
        assertThat(lookup("#apply").tryQuery()).as("applying is out of service").isEmpty();
    }
}
