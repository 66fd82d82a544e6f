package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.bianmin.kiosk.app.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Elder mode (长辈模式), checked by walking the scene graph of every citizen screen, on the demo assembly. */
class ElderModeUiTest extends FxRobot {

    @TempDir
    Path data;

    private Kiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        kiosk = KioskOnStage.open(data, true);
    }

    @AfterEach
    void stop() throws Exception {
        KioskOnStage.close(kiosk);
    }

    /**
     * Home to the idle countdown with elder mode on: the form with its pinyin keypad, the rating with the reasons
     * and comment keypad of a poor rating, the demo bar under every screen.
     */
    @Test
    void everyTargetIsAtLeast60PxAndEveryTextAtLeast30PxOnEveryScreen() throws Exception {
        CitizenWalk walk = new CitizenWalk(this, kiosk);
        List<CitizenWalk.Stop> seen = new ArrayList<>();
        walk.walk(() -> walk.touch().tap("#elder-mode"), stop -> {
            seen.add(stop);
            assertThat(kiosk.session().elderMode()).as(stop + " in elder mode").isTrue();
            assertElderSized(stop.toString());
        });
        assertThat(seen).containsExactly(CitizenWalk.Stop.values());
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
        assertThat(nodes(TextInputControl.class)).allSatisfy(t -> assertThat(t.getFont().getSize())
                .as(screen + " font of " + SceneGraph.describe(t)).isGreaterThanOrEqualTo(30));
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
