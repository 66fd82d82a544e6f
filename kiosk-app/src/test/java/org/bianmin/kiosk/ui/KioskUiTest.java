package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.bianmin.kiosk.app.KioskApplication;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application (demo wiring, embedded portal) driven by touch: home → department → item detail. */
class KioskUiTest extends FxRobot {

    @TempDir
    Path data;

    private Application app;

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(KioskApplication.class, "--demo", "--windowed", "--data-dir",
                data.toString());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void homeToDepartmentToItemDetailInEveryLanguage(Language language) {
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
    void switchingLanguageKeepsThePlace(Language language) {
        clickOn(first("dept-"));
        clickOn(first("item-"));
        clickOn("#lang-" + language.tag());
        assertThat(lookup("#item-detail").tryQuery()).as("still on the item").isPresent();
        assertThat(texts()).contains(new Messages(language).get("detail.section.materials"));
    }

    @org.junit.jupiter.api.Test
    void searchShowsResults() {
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
