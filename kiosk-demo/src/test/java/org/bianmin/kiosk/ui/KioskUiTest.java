package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.demo.DemoApplication;
import org.bianmin.kiosk.demo.DemoOnStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk driven by touch in each language: the real application (demo wiring, embedded portal) home →
 * department → item detail, and the demo assembly through every citizen screen.
 */
class KioskUiTest extends FxRobot {

    @TempDir
    Path data;

    /** The real application, for the tests that launch it. */
    private Application app;
    /** The demo assembly on a stage, for the walk through every screen. */
    private Kiosk kiosk;

    private void launchApplication() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DemoApplication.class, "--windowed", "--data-dir",
                data.toString());
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        if (kiosk != null) {
            KioskOnStage.close(kiosk);
        }
    }

    /**
     * Every citizen screen in the chosen language, with a switch to another and back on the half-filled form. On each
     * screen the chrome (titles, buttons, keypad, demo bar) is this language's text, and no text of another
     * language's bundle shows. Catalogue content reads in the language too: in English no Chinese shows, in 繁體 no
     * simplified-only character, except inside data that is the citizen's own: the card's (name, address) and the
     * language switch's own names (简体, 繁體). The rule: remove every such data string from a text (and from a
     * field's prompt), and no CJK (in 繁體: no character outside Big5) may remain.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCitizenScreenInEveryLanguage(Language language) throws Exception {
        kiosk = DemoOnStage.open(data).kiosk();
        CitizenWalk walk = new CitizenWalk(this, kiosk);
        ScreenTexts texts = new ScreenTexts(kiosk, walk);
        List<CitizenWalk.Stop> seen = new ArrayList<>();
        walk.walk(() -> walk.touch().tap("#lang-" + language.tag()), stop -> {
            seen.add(stop);
            texts.assertIn(language, stop);
            if (stop == CitizenWalk.Stop.FORM) {
                switchesKeepThePlace(walk, texts, language == Language.EN ? Language.ZH_CN : Language.EN, language);
            }
        });
        assertThat(seen).containsExactly(CitizenWalk.Stop.values());
    }

    /** Mid-journey on the form: to {@code other} and back, the same form, the values entered, in each language. */
    private void switchesKeepThePlace(CitizenWalk walk, ScreenTexts texts, Language other, Language back)
            throws Exception {
        var form = kiosk.navigator().current();
        for (Language language : List.of(other, back)) {
            walk.touch().tap("#lang-" + language.tag());
            assertThat(kiosk.navigator().current()).as("still on the form").isSameAs(form);
            assertThat(lookup("#journey-form").tryQuery()).isPresent();
            assertThat(lookup("#field-phone").queryAs(TextInputControl.class).getText()).isEqualTo(CitizenWalk.PHONE);
            for (String option : walk.chosenOptions()) {
                assertThat(lookup(option).queryAs(ToggleButton.class).isSelected()).as(option + " still chosen")
                        .isTrue();
            }
            texts.assertIn(language, CitizenWalk.Stop.FORM);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void homeToDepartmentToItemDetailInEveryLanguage(Language language) throws Exception {
        launchApplication();
        Messages m = new Messages(language);
        clickOn("#lang-" + language.tag());
        assertThat(texts()).contains(m.get("app.title"), m.get("home.welcome"), m.get("home.departments"));

        clickOn(first("dept-"));
        assertThat(texts()).contains(m.get("list.kioskBadge"));

        clickOn(first("item-"));
        assertThat(lookup("#item-detail").tryQuery()).isPresent();
        assertThat(texts()).contains(m.get("detail.section.basic"), m.get("detail.section.conditions"),
                m.get("detail.section.materials"), m.get("detail.section.time"), m.get("detail.section.where"),
                m.get("detail.section.basis"), m.get("detail.legalTimeLimit"), m.get("detail.fee"));

        clickOn("#home");
        assertThat(texts()).contains(m.get("home.welcome"));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH_TW", "EN"})
    void switchingLanguageKeepsThePlace(Language language) throws Exception {
        launchApplication();
        clickOn(first("dept-"));
        clickOn(first("item-"));
        clickOn("#lang-" + language.tag());
        assertThat(lookup("#item-detail").tryQuery()).as("still on the item").isPresent();
        assertThat(texts()).contains(new Messages(language).get("detail.section.materials"));
    }

    @org.junit.jupiter.api.Test
    void searchShowsResults() throws Exception {
        launchApplication();
        clickOn("#search-field").write("社保");
        assertThat(texts()).anyMatch(t -> t.startsWith("搜索：社保"));
        assertThat(lookup(n -> n.getId() != null && n.getId().startsWith("item-")).queryAll()).isNotEmpty();
    }

    private Node first(String idPrefix) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> nodes = lookup(n -> n.getId() != null && n.getId().startsWith(idPrefix) && n.isVisible())
                .queryAll().stream()
                .sorted(Comparator.comparingDouble((Node n) -> n.localToScene(0, 0).getY())
                        .thenComparingDouble(n -> n.localToScene(0, 0).getX()))
                .toList();
        assertThat(nodes).as("nodes with id " + idPrefix + "*").isNotEmpty();
        return nodes.getFirst();
    }

    private List<String> texts() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }
}
