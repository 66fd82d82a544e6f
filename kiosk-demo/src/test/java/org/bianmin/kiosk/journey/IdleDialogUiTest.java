package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.bianmin.kiosk.config.KioskConfig;
import org.junit.jupiter.api.Test;

/**
 * The idle countdown over a filled form: what it says, and that the name, ID number and phone behind it cannot be
 * read. With {@code -Dkiosk.test.snapshots=DIR} the scene is saved there as PNG to look at ({@link #snapshot}).
 */
class IdleDialogUiTest extends JourneyOnStage {

    /** Text that a reader can still make out has at least this contrast against what is around it (WCAG's 3:1 is far above). */
    private static final double UNREADABLE = 1.5;

    @Test
    void theFormBehindTheCountdownCannotBeRead() throws Exception {
        openItem();
        clickOn("#demo-place-card");
        waitFor("#journey-form");
        typeOnKeypad("#field-phone", PHONE);
        assertThat(personalValuesOnScreen()).isNotEmpty();

        countDown();
        WritableImage shot = snapshot("idle-dialog-over-form.png");
        Bounds dialog = lookup("#idle-dialog").query().localToScene(lookup("#idle-dialog").query().getBoundsInLocal());
        List<Node> personal = lookup(n -> (n instanceof Labeled || n instanceof TextInputControl) && n.isVisible()
                && text(n) != null && (text(n).contains("测试样卡") || text(n).contains(PHONE)
                || text(n).contains("110105********1239"))).queryAll().stream().toList();
        assertThat(personal).as("the form's personal values are in the scene").isNotEmpty();
        int measured = 0;
        for (Node node : personal) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            if (b.intersects(dialog) || b.getMinY() < 0 || b.getMaxY() > shot.getHeight()) {
                continue; // under the dialog itself, or scrolled out of the window
            }
            measured++;
            assertThat(contrast(shot.getPixelReader(), b)).as("contrast left of '%s' behind the countdown", text(node))
                    .isLessThan(UNREADABLE);
        }
        assertThat(measured).as("personal values beside the dialog were measured").isPositive();
    }

    @Test
    void onTheHomeScreenTheCountdownDoesNotSpeakOfWhatWasFilledIn() throws Exception {
        clickOn("#elder-mode"); // a visit with nothing filled in: elder mode is the only thing to undo
        countDown();
        snapshot("idle-dialog-home.png");
        String seconds = String.valueOf(KioskConfig.defaults().idleCountdownSeconds());
        assertThat(texts()).contains(ZH.get("idle.message.home", seconds))
                .doesNotContain(ZH.get("idle.message", seconds));
        assertThat(String.join("", texts())).doesNotContain("填写");
    }

    /** A last touch now, then nothing until the idle time has passed: the countdown shows (and keeps showing). */
    private void countDown() throws Exception {
        java.time.Instant touched = java.time.Instant.now();
        KioskConfig config = KioskConfig.defaults();
        long quiet = kiosk.session().elderMode() ? config.elderIdleSeconds() : config.idleSeconds();
        interact(() -> {
            kiosk.input(touched);
            kiosk.tick(touched.plusSeconds(quiet));
        });
        waitFor("#idle-dialog");
    }

    /** The WCAG contrast between the lightest and the darkest pixel inside {@code b} (a few pixels in from its edge). */
    private static double contrast(PixelReader pixels, Bounds b) {
        double lightest = 0;
        double darkest = 1;
        for (int y = (int) b.getMinY() + 3; y < (int) b.getMaxY() - 3; y++) {
            for (int x = (int) b.getMinX() + 3; x < (int) b.getMaxX() - 3; x++) {
                double l = luminance(pixels.getColor(x, y));
                lightest = Math.max(lightest, l);
                darkest = Math.min(darkest, l);
            }
        }
        return (lightest + 0.05) / (darkest + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static String text(Node n) {
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }
}
