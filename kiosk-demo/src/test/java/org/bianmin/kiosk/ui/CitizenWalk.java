package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.journey.ReceiptViewModel;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks every citizen screen of the demo assembly by touch, stopping on each for a test's checks: home, a
 * department's item list, search, item detail, identify (the demo bar lays the sample card on the simulated reader),
 * the form as it opens and once filled on the on-screen keypad, consent, review, receipt, a poor rating with its
 * reasons and comment keypad, progress lookup by the card (taken after the visit and placed again), and the idle
 * countdown over it.
 */
public final class CitizenWalk {

    /** The screens, in the order the walk reaches them. */
    public enum Stop {
        HOME, ITEM_LIST, SEARCH, ITEM_DETAIL, IDENTIFY, FORM_OPENED, FORM, CONSENT, REVIEW, RECEIPT, RATING, PROGRESS, IDLE_DIALOG
    }

    /** What a test does on each screen; it may act too (switch the language), as long as it stays on the screen. */
    @FunctionalInterface
    public interface Check {
        void at(Stop stop) throws Exception;
    }

    /** A step of the test's own, such as choosing a language. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** The card fills name, ID number and gender (a word, not a datum); choices and an optional Chinese field. */
    public static final String ITEM_NAME = "社会保障卡申领";
    public static final String PHONE = "13812345678";
    /** Typed on the keypad; finds the item by its synonym 社保卡. */
    public static final String QUERY = "SBK";

    private final FxRobot robot;
    private final Touch touch;
    private final Kiosk kiosk;
    private final ServiceItem item;
    private String receiptNumber;

    public CitizenWalk(FxRobot robot, Kiosk kiosk) {
        this.robot = robot;
        this.touch = new Touch(robot);
        this.kiosk = kiosk;
        this.item = kiosk.catalogue().items().stream().filter(i -> i.name().equals(ITEM_NAME)).findFirst()
                .orElseThrow();
    }

    /** How the walk touches and reads the window, for the test's own steps. */
    public Touch touch() {
        return touch;
    }

    public ServiceItem item() {
        return item;
    }

    /** The choices the walk taps, whatever language they read in: the first of each choice field, by id. */
    public List<String> chosenOptions() {
        return item.form().fields().stream().filter(f -> !f.options().isEmpty()).map(f -> "#choice-" + f.key() + "-0")
                .toList();
    }

    /**
     * @param startVisit what the citizen does first on the home screen (choose a language, switch elder mode on);
     *                   again after the rating, whose end of session resets the kiosk for the next person
     */
    public void walk(Step startVisit, Check check) throws Exception {
        touch.waitFor("#search-field");
        startVisit.run();
        check.at(Stop.HOME);

        touch.tap(firstTile());
        touch.waitFor(".item-list");
        check.at(Stop.ITEM_LIST);
        touch.tap("#home");

        touch.tap("#search-field"); // opens the search screen with its keypad
        touch.waitFor("#key-" + QUERY.charAt(0));
        for (char c : QUERY.toCharArray()) {
            touch.tap("#key-" + c);
        }
        showItemRow();
        check.at(Stop.SEARCH);

        touch.tap("#item-" + item.code());
        touch.waitFor("#item-detail");
        check.at(Stop.ITEM_DETAIL);

        touch.tap("#apply");
        touch.waitFor("#journey-identify");
        check.at(Stop.IDENTIFY);

        touch.tap("#demo-place-card");
        touch.waitFor("#journey-form");
        check.at(Stop.FORM_OPENED);
        touch.tap("#field-phone");
        for (char c : PHONE.toCharArray()) {
            touch.tap("#key-" + c);
        }
        for (String option : chosenOptions()) {
            touch.tap(option);
        }
        // The optional address is Chinese text: its keypad has letters for pinyin and a row of candidates.
        touch.tap("#field-mailAddress");
        touch.waitFor("#key-Q");
        check.at(Stop.FORM);

        touch.tap("#form-next");
        touch.waitFor("#journey-consent");
        check.at(Stop.CONSENT);

        touch.tap("#consent-agree");
        touch.waitFor("#journey-review");
        check.at(Stop.REVIEW);

        touch.tap("#review-submit");
        touch.waitFor("#journey-receipt");
        var receipt = (ReceiptViewModel) kiosk.navigator().current();
        receiptNumber = receipt.receiptNumber();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> receipt.paperProperty().get() != ReceiptViewModel.Paper.PRINTING);
        WaitForAsyncUtils.waitForFxEvents();
        check.at(Stop.RECEIPT);

        touch.tap("#receipt-finish");
        touch.waitFor("#journey-rating");
        touch.tap("#rating-2"); // poor: the reasons and the comment field come up
        touch.waitFor("#reason-SLOW");
        touch.tap("#rating-comment"); // and its keypad once the comment is tapped
        touch.waitFor("#key-Q");
        check.at(Stop.RATING);
        touch.tap("#reason-SLOW");
        touch.tap("#rating-submit");

        touch.waitFor("#search-field");
        startVisit.run();
        touch.tap("#progress"); // the card left from the visit that ended is asked for, not read…
        touch.waitFor("#receipt-takeCard");
        touch.tap("#demo-remove-card"); // …taken and placed again, it is: the holder's applications come up
        touch.tap("#demo-place-card");
        touch.waitFor("#holder-" + receiptNumber);
        touch.tap("#progress-field"); // the keypad stepped aside for the answer; a tap brings it back
        touch.waitFor("#key-Q");
        check.at(Stop.PROGRESS);

        Instant touched = Instant.now();
        KioskConfig config = KioskConfig.defaults();
        Duration quiet = Duration.ofSeconds(kiosk.session().elderMode() ? config.elderIdleSeconds()
                : config.idleSeconds());
        robot.interact(() -> {
            kiosk.input(touched);
            kiosk.tick(touched.plus(quiet));
        });
        touch.waitFor("#idle-dialog");
        check.at(Stop.IDLE_DIALOG);
        robot.interact(() -> kiosk.input(touched.plus(quiet).plusSeconds(1))); // a touch: the citizen is still here
    }

    /** Search results come a page at a time in elder mode: pages on until the item's row shows. */
    private void showItemRow() throws Exception {
        touch.waitFor(".item-list");
        while (robot.lookup("#item-" + item.code()).tryQuery().isEmpty()) {
            assertThat(robot.lookup("#list-page-next").tryQuery()).as("a page with " + ITEM_NAME).isPresent();
            touch.tap("#list-page-next");
        }
    }

    /** The top-left department tile. */
    private Node firstTile() throws Exception {
        touch.waitFor(".tile");
        List<Node> tiles = robot.lookup(n -> n.getId() != null && n.getId().startsWith("dept-")
                && !n.getId().startsWith("dept-page") && n.isVisible()).queryAll().stream()
                .sorted(Comparator.comparingDouble((Node n) -> n.localToScene(0, 0).getY())
                        .thenComparingDouble(n -> n.localToScene(0, 0).getX()))
                .toList();
        assertThat(tiles).as("department tiles").isNotEmpty();
        return tiles.getFirst();
    }
}
