package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.demo.DemoOnStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Elder mode (长辈模式), checked by walking the scene graph of every citizen screen, on the demo assembly. */
class ElderModeUiTest extends FxRobot {

    @TempDir
    Path data;

    private Kiosk kiosk;

    /** The kiosk screens elder mode must fit: the usual landscape, the older 5:4 and a portrait totem. */
    enum ScreenSize {
        LANDSCAPE(1920, 1080), FIVE_BY_FOUR(1280, 1024), PORTRAIT(1080, 1920);

        final int width;
        final int height;

        ScreenSize(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    @BeforeEach
    void start() throws Exception {
        kiosk = DemoOnStage.open(data).kiosk();
    }

    @AfterEach
    void stop() throws Exception {
        KioskOnStage.close(kiosk);
    }

    /**
     * Home to the idle countdown with elder mode on, at each screen size: the form as it opens and with its pinyin
     * keypad, the rating with the reasons and comment keypad of a poor rating, the demo bar under every screen. On
     * every screen every target is at least 60 px, every text at least 30 px, key labels as tall in ink as the
     * smallest text, and what the citizen needs there shows inside the window without scrolling.
     */
    @ParameterizedTest
    @EnumSource(value = ScreenSize.class, mode = EnumSource.Mode.EXCLUDE, names = "FIVE_BY_FOUR")
    void everyScreenIsLargeEnoughAndShowsWhatTheCitizenNeeds(ScreenSize size) throws Exception {
        walkAt(size);
    }

    @Test
    @org.junit.jupiter.api.Disabled("NOT YET: at 1280 x 1024 in elder mode the header, footer and demo bar wrap to two "
            + "lines, and the keypad leaves the page above it a strip lower than one field or search result (search, "
            + "form address, rating comment); on the progress screen the frame grows taller than the screen")
    void everyScreenIsLargeEnoughAndShowsWhatTheCitizenNeedsAt1280x1024() throws Exception {
        walkAt(ScreenSize.FIVE_BY_FOUR);
    }

    private void walkAt(ScreenSize size) throws Exception {
        KioskOnStage.close(kiosk);
        kiosk = DemoOnStage.open(data, size.width, size.height).kiosk();
        CitizenWalk walk = new CitizenWalk(this, kiosk);
        List<CitizenWalk.Stop> seen = new ArrayList<>();
        walk.walk(() -> walk.touch().tap("#elder-mode"), stop -> {
            seen.add(stop);
            String screen = stop + " at " + size.width + "x" + size.height;
            assertThat(kiosk.session().elderMode()).as(screen + " in elder mode").isTrue();
            assertElderSized(screen);
            assertShown(screen, needed(stop, walk, size));
        });
        assertThat(seen).containsExactly(CitizenWalk.Stop.values());
    }

    /**
     * What the citizen needs on a screen as the walk reaches it: the frame's way back, the screen's title, the field
     * being typed into with its keys, and the action that moves on.
     */
    private static List<String> needed(CitizenWalk.Stop stop, CitizenWalk walk, ScreenSize size) {
        List<String> frame = List.of("#back", "#home", "#elder-mode");
        List<String> screen = switch (stop) {
            case HOME -> List.of(".welcome", "#search-field", "#progress", ".tile");
            case ITEM_LIST -> List.of(".page-title", ".item-row");
            case SEARCH -> List.of("#search-field", ".item-list .page-title", "#item-" + walk.item().code(), "#key-S",
                    "#key-backspace");
            case ITEM_DETAIL -> List.of(".page-title", "#apply");
            case IDENTIFY -> List.of(".page-title", ".guidance", "#demo-place-card");
            // Opens at the top: the title, the intro and the first field (the name read from the card).
            case FORM_OPENED -> List.of(".page-title", ".form .detail-label", ".form .prefilled", "#form-next");
            case FORM -> List.of("#field-mailAddress", ".pinyin", "#key-Q", "#key-backspace", "#form-next");
            case CONSENT -> List.of(".page-title", "#consent-agree", "#consent-decline");
            case REVIEW -> List.of(".page-title", "#review-submit");
            case RECEIPT -> List.of(".page-title", "#receipt-number", "#receipt-finish");
            // Typing a comment: the pinyin keypad leaves room for the comment field, not for the levels above it.
            case RATING -> List.of("#rating-comment", ".pinyin", "#key-Q", "#rating-submit", "#rating-skip");
            case PROGRESS -> List.of("#progress-field", "#progress-lookup", "#key-Q", "#key-backspace");
            case IDLE_DIALOG -> List.of("#idle-dialog .page-title", "#idle-continue");
        };
        List<String> all = new ArrayList<>(frame);
        all.addAll(screen);
        return all;
    }

    /** Each query finds a node that lies whole inside the window and inside the viewport of its page. */
    private void assertShown(String screen, List<String> queries) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String query : queries) {
            List<String> outside = new ArrayList<>();
            interact(() -> outside.add(lookup(query).match(NodeMatchers.isVisible()).tryQuery()
                    .map(n -> Touch.outside(n).orElse("")).orElse("nothing visible")));
            assertThat(outside.getFirst()).as(screen + ": " + query + " shows inside the window, not outside")
                    .isEmpty();
        }
    }

    @Test
    void elderModeShowsFewerItemsAPageAtATimeWithLargeMoreButtons() {
        var home = (org.bianmin.kiosk.home.HomeViewModel) kiosk.navigator().current();
        int departments = home.departmentTiles().size();
        assertThat(ids("dept-").size()).as("standard mode shows every tile").isEqualTo(departments);
        assertThat(lookup("#dept-page-next").tryQuery()).isEmpty();

        clickOn("#elder-mode");
        List<String> firstPage = ids("dept-");
        assertThat(firstPage).hasSize(6);
        assertThat(ids("topic-")).hasSizeLessThanOrEqualTo(6);
        assertThat(lookup("#dept-page-previous").queryButton().isDisabled()).isTrue();
        Bounds more = lookup("#dept-page-next").queryButton().getLayoutBounds();
        assertThat(Math.min(more.getWidth(), more.getHeight())).isGreaterThanOrEqualTo(60);
        press("#dept-page-next");
        List<String> secondPage = ids("dept-");
        assertThat(secondPage).hasSize(departments - 6).doesNotContainAnyElementsOf(firstPage);
        press("#dept-page-previous");
        assertThat(ids("dept-")).isEqualTo(firstPage);

        press("#" + firstPage.get(1));
        var list = (org.bianmin.kiosk.browse.ItemListViewModel) kiosk.navigator().current();
        assertThat(list.rows()).hasSizeGreaterThan(4);
        assertThat(ids("item-")).hasSize(4);
        press("#list-page-next");
        assertThat(ids("item-")).hasSize(Math.min(4, list.rows().size() - 4));
    }

    /** A touch on a button that may sit below the fold of this 1000-pixel test window. */
    private void press(String query) {
        interact(() -> lookup(query).queryButton().fire());
    }

    /** Ids of the visible nodes whose id starts with {@code prefix}, top to bottom, left to right. */
    private List<String> ids(String prefix) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(n -> n.getId() != null && n.getId().startsWith(prefix) && !n.getId().contains("-page")
                && n.isVisible()).queryAll().stream()
                .sorted(java.util.Comparator.comparingDouble((Node n) -> n.localToScene(0, 0).getY())
                        .thenComparingDouble(n -> n.localToScene(0, 0).getX()))
                .map(Node::getId).toList();
    }

    @Test
    void standardModeKeepsTouchTargetsAt44PxOrMore() {
        assertThat(targets()).allSatisfy(b -> assertThat(Math.min(b.getWidth(), b.getHeight()))
                .as(SceneGraph.describe(b)).isGreaterThanOrEqualTo(44));
    }

    @Test
    void theSessionEndTurnsElderModeOff() {
        clickOn("#elder-mode");
        interact(() -> kiosk.session().end());
        assertThat(kiosk.session().elderMode()).isFalse();
        assertThat(lookup(".elder").tryQuery()).isEmpty();
    }

    private void assertElderSized(String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targets()).as(screen).isNotEmpty().allSatisfy(b -> {
            assertThat(b.getWidth()).as(screen + " width of " + SceneGraph.describe(b)).isGreaterThanOrEqualTo(60);
            assertThat(b.getHeight()).as(screen + " height of " + SceneGraph.describe(b)).isGreaterThanOrEqualTo(60);
        });
        assertThat(nodes(Labeled.class)).as(screen).isNotEmpty().allSatisfy(l -> assertThat(l.getFont().getSize())
                .as(screen + " font of " + SceneGraph.describe(l)).isGreaterThanOrEqualTo(30));
        assertThat(nodes(Labeled.class).stream().filter(l -> l.getText() != null && !l.getText().isEmpty()).toList())
                .allSatisfy(l -> assertThat(drawnText(l)).as(screen + " text drawn for "
                + SceneGraph.describe(l) + ", not cut short").isIn(l.getText(), null));
        assertThat(nodes(TextInputControl.class)).allSatisfy(t -> assertThat(t.getFont().getSize())
                .as(screen + " font of " + SceneGraph.describe(t)).isGreaterThanOrEqualTo(30));
        // A Latin digit's ink is two thirds of its font size: at the minimum size it reads smaller than any Chinese
        // text around it, so a key's letter or digit must be as tall in ink as a Chinese character at the minimum.
        double smallestInk = ink("中", Font.font(nodes(Labeled.class).getFirst().getFont().getFamily(), 30));
        assertThat(nodes(Button.class).stream().filter(b -> b.getStyleClass().contains("key")
                && b.getText().codePoints().allMatch(Character::isLetterOrDigit)).toList())
                .allSatisfy(key -> assertThat(ink(key.getText(), key.getFont())).as(screen + " ink height of "
                        + SceneGraph.describe(key)).isGreaterThanOrEqualTo(smallestInk - 0.5));
    }

    /** The text a label really draws (its skin's text node; "…" when cut short), or null if it draws none. */
    private String drawnText(Labeled label) {
        List<String> drawn = new ArrayList<>();
        interact(() -> drawn.add(label.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                .map(t -> ((Text) t).getText()).findFirst().orElse(null)));
        return drawn.getFirst();
    }

    /** The height of the ink {@code text} leaves in {@code font}: glyph outlines, not line height. */
    private static double ink(String text, Font font) {
        Text shape = new Text(text);
        shape.setFont(font);
        shape.setBoundsType(TextBoundsType.VISUAL);
        return shape.getLayoutBounds().getHeight();
    }

    /** What a finger presses: buttons of every kind, and the demo bar's card chooser. */
    private List<Control> targets() {
        List<Control> targets = new ArrayList<>(nodes(ButtonBase.class));
        targets.addAll(nodes(ComboBoxBase.class));
        return targets;
    }

    /** Visible nodes of a type inside the window (scrolled-away content still counts: it is on the page). */
    private <T extends Node> List<T> nodes(Class<T> type) {
        return new Touch(this).visible(type);
    }
}
