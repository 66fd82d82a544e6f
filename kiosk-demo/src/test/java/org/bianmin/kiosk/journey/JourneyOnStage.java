package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.KioskOnStage;
import org.bianmin.kiosk.ui.Touch;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.kiosk.demo.DemoEnvironment;
import org.bianmin.kiosk.demo.DemoOnStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo kiosk on stage (simulated ID-card reader and virtual printer on in-memory links, the real SQLite
 * outbox, the embedded portal) and the moves a citizen makes on it, by touch only, for the journey's UI tests.
 */
abstract class JourneyOnStage extends FxRobot {

    /** An item every sample card may apply for: social security card, reported lost. */
    static final String ITEM_NAME = "社会保障卡挂失";
    static final String PHONE = "13812345678";
    static final Messages ZH = new Messages(Language.ZH_CN);

    @TempDir
    Path data;

    Kiosk kiosk;
    /** What the demo added: simulators, the portal, the network cable. */
    DemoEnvironment demo;
    /** The tap, wait and scroll moves the UI tests share. */
    private final Touch touch = new Touch(this);

    @BeforeEach
    void start() throws Exception {
        DemoOnStage stage = DemoOnStage.open(data);
        kiosk = stage.kiosk();
        demo = stage.demo();
    }

    @AfterEach
    void stop() throws Exception {
        KioskOnStage.close(kiosk);
    }

    /** Finds {@link #ITEM_NAME} by its pinyin initials and presses "apply". */
    ServiceItem openItem() {
        return openItem(ITEM_NAME, "sbk");
    }

    /** Finds the item named {@code name} by typing {@code search} and presses "apply": the identify screen. */
    ServiceItem openItem(String name, String search) {
        ServiceItem item = kiosk.catalogue().items().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow();
        clickOn("#search-field").write(search);
        scrollTo("#item-" + item.code());
        clickOn("#item-" + item.code());
        clickOn("#apply");
        return item;
    }

    /**
     * On {@link #ITEM_NAME}: identify with the demo bar's {@code identify} button (card or e-ID code), fill the form
     * by touch and go on: the consent screen. Returns the item.
     */
    ServiceItem identifyAndFillTheForm(String identify) throws Exception {
        ServiceItem item = openItem();
        assertThat(texts()).contains(ZH.get("identify.place"), ZH.get("identify.eid"));

        clickOn(identify);
        waitFor("#journey-form");
        assertThat(texts()).anyMatch(t -> t.contains("********")).noneMatch(t -> t.matches(".*\\d{17}[\\dX].*"));

        clickOn("#form-next");
        assertThat(texts()).contains("请填写此项");
        typeOnKeypad("#field-phone", PHONE);
        assertThat(lookup("#field-phone").queryAs(TextInputControl.class).getText()).isEqualTo(PHONE);
        String firstOption = item.form().fields().stream().filter(f -> !f.options().isEmpty()).findFirst()
                .orElseThrow().options().getFirst();
        scrollTo(labeled(firstOption));
        clickOn(labeled(firstOption));
        clickOn("#form-next");
        waitFor("#journey-consent");
        return item;
    }

    /** Taps {@code field}, then {@code text} on the on-screen keypad (digits, X and the hyphen). */
    void typeOnKeypad(String field, String text) {
        scrollTo(field);
        clickOn(field);
        for (char c : text.toCharArray()) {
            clickOn("#key-" + c);
        }
    }

    void waitFor(String query) throws Exception {
        touch.waitFor(query);
    }

    void scrollTo(String query) {
        touch.scrollTo(query);
    }

    void scrollTo(Node node) {
        touch.scrollTo(node);
    }

    Node labeled(String text) {
        return lookup(n -> n instanceof Labeled l && text.equals(l.getText())).query();
    }

    /**
     * The scene as rendered now; with {@code -Dkiosk.test.snapshots=DIR} also saved there as {@code name} (PNG), for
     * a person to look at.
     */
    WritableImage snapshot(String name) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        interact(() -> shot[0] = lookup(".shell").query().getScene().snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        String dir = System.getProperty("kiosk.test.snapshots");
        if (dir != null) {
            int w = (int) shot[0].getWidth();
            int h = (int) shot[0].getHeight();
            var png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    png.setRGB(x, y, shot[0].getPixelReader().getArgb(x, y));
                }
            }
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            javax.imageio.ImageIO.write(png, "png", java.nio.file.Path.of(dir, name).toFile());
        }
        return shot[0];
    }

    /** The text of the label {@code query}, read on the FX thread. */
    String textOf(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryLabeled().getText();
    }

    /** Every text in the scene that holds the sample card's name, ID number (clear or masked) or the phone. */
    List<String> personalValuesOnScreen() {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> personal = List.of("测试样卡", "110105199003071239", "110105********1239", PHONE, "138****5678");
        return lookup(n -> n instanceof Labeled || n instanceof TextInputControl).queryAll().stream()
                .map(n -> n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText())
                .filter(t -> t != null && personal.stream().anyMatch(t::contains))
                .toList();
    }

    List<String> texts() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }
}
