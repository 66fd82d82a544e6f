package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.admin.StaffLogin;
import org.bianmin.kiosk.admin.TestPins;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.demo.DemoOnStage;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Every {@link Screen} of kiosk-app, as a set: the citizen walk and both staff consoles (through the PIN pad) on
 * the demo assembly, each screen rendered by the view its package registered, under its title with content.
 * The set is every concrete {@code Screen} class in the main code, found in the class files: a new screen fails
 * this test until the test reaches it.
 */
class EveryScreenUiTest extends FxRobot {

    private static final String OPERATOR_PIN = "482916";
    private static final String TECHNICIAN_PIN = "731642";

    @TempDir
    Path data;
    private Kiosk kiosk;
    private final Messages messages = new Messages(Language.ZH_CN);
    /** Screen class → where the test saw it. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            KioskOnStage.close(kiosk);
        }
    }

    @Test
    void everyScreenIsRenderedWithItsTitleAndContent() throws Exception {
        KioskConfig config = KioskConfig.defaults().withAdmin(AdminConfig.defaults()
                .withOperatorPin(TestPins.fast(OPERATOR_PIN)).withTechnicianPin(TestPins.fast(TECHNICIAN_PIN)));
        kiosk = DemoOnStage.open(data, config, Clock.systemDefaultZone()).kiosk();
        Touch touch = new Touch(this);
        touch.waitFor("#search-field");

        StaffLogin.tapCorner(this, 5);
        touch.waitFor("#pin-ok");
        see("PIN pad");
        for (char c : OPERATOR_PIN.toCharArray()) {
            touch.tap("#pin-" + c);
        }
        touch.tap("#pin-ok");
        touch.waitFor("#operator-panel");
        see("operator panel");
        touch.tap("#admin-exit");
        touch.waitFor("#search-field");
        StaffLogin.login(this, TECHNICIAN_PIN, "#technician-console");
        see("technician console");
        touch.tap("#admin-exit");

        CitizenWalk walk = new CitizenWalk(this, kiosk);
        ScreenTexts texts = new ScreenTexts(kiosk, walk);
        walk.walk(() -> { }, stop -> {
            texts.assertIn(Language.ZH_CN, stop);
            see(stop.name());
        });

        assertThat(seen.keySet()).as("screens seen: %s", seen).containsExactlyInAnyOrderElementsOf(allScreens());
    }

    /** The screen now current is drawn: its title in the header, and visible text in the frame's centre. */
    private void see(String where) {
        Screen screen = kiosk.navigator().current();
        String title = screen instanceof AdminScreen admin ? messages.get(admin.titleKey()) : messages.get("app.title");
        assertThat(new Touch(this).visible(Labeled.class)).as(where + ": title")
                .anyMatch(l -> l.getStyleClass().contains("app-title") && title.equals(l.getText()));
        BorderPane frame = (BorderPane) ((StackPane) lookup(".shell").query()).getChildren().getFirst();
        Node content = frame.getCenter();
        assertThat(content).as(where + ": content").isNotNull();
        assertThat(content.lookupAll(".label").stream().filter(Node::isVisible).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isBlank()).toList()).as(where + ": text in the content").isNotEmpty();
        seen.putIfAbsent(screen.getClass().getName(), where);
    }

    private static Set<String> allScreens() {
        List<JavaClass> screens = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.contains("-tests.jar")) // kiosk-app's test classes
                .importPackages("org.bianmin.kiosk").stream()
                .filter(c -> c.isAssignableTo(Screen.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .toList();
        return screens.stream().map(JavaClass::getName).collect(Collectors.toSet());
    }
}
