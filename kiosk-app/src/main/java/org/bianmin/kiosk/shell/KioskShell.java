package org.bianmin.kiosk.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.admin.AdminAccess;
import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.session.KioskSession;
import org.bianmin.kiosk.status.ServiceNotices;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.ViewScope;
import org.bianmin.kiosk.ui.Widgets;

/**
 * The frame around every screen: title, language and elder-mode switches on top, Back/Home and help at the
 * bottom, and the idle countdown over everything. It re-renders when the screen, the language or the mode
 * changes, so a switch keeps the citizen's place. An {@link AdminScreen} gets the admin frame instead: its title and
 * a "退出" button, none of the citizen's switches. Presses anywhere go to {@link AdminAccess} first (not consumed):
 * five in the top-left corner open the PIN pad.
 */
public final class KioskShell {

    /** What the frame shows about this kiosk. */
    public record Identity(String kioskId, Content hallName, String hallPhone) {}

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final VBox countdown = new VBox();
    /** The notice banners under the header, updated in place when a notice comes or goes. */
    private final VBox banners = new VBox();
    private final Navigator navigator;
    private final Messages messages;
    private final KioskSession session;
    private final IdleMonitor idle;
    private final Identity identity;
    private final ServiceNotices notices;
    private final AdminAccess admin;
    private final ViewRegistry views = ViewRegistry.load();
    /** What the screen now shown bound; released when the next rendering replaces it. */
    private ViewScope shown;
    private Node demoControls;
    /** An operation failed where no screen could say so (the uncaught-exception handler): told until the screen changes. */
    private boolean failed;
    /** Blur radius (px, JavaFX's largest) of the screen behind the idle countdown. */
    static final double COUNTDOWN_BLUR = 63;

    public KioskShell(Navigator navigator, Messages messages, KioskSession session, IdleMonitor idle,
                      ServiceNotices notices, Identity identity, AdminAccess admin) {
        this.navigator = navigator;
        this.admin = admin;
        this.notices = notices;
        this.messages = messages;
        this.session = session;
        this.idle = idle;
        this.identity = identity;
        root.getStyleClass().add("shell");
        countdown.getStyleClass().add("countdown");
        countdown.setAlignment(Pos.CENTER);
        countdown.setVisible(false);
        root.getChildren().addAll(frame, countdown);
        navigator.currentProperty().addListener((obs, old, now) -> {
            failed = false;
            render();
        });
        messages.languageProperty().addListener((obs, old, now) -> render());
        session.elderModeProperty().addListener((obs, old, now) -> render());
        idle.secondsLeftProperty().addListener((obs, old, now) -> renderCountdown(now.intValue()));
        admin.idle().secondsLeftProperty().addListener((obs, old, now) -> renderCountdown(now.intValue()));
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> admin.pressed(e.getSceneX(), e.getSceneY()));
        // A notice changes only the banners: rebuilding the screen would take a citizen's focus, keypad and scroll.
        notices.noticesProperty().addListener((obs, old, now) -> renderNotices());
        session.farewellProperty().addListener((obs, old, now) -> renderNotices());
        render();
    }

    public StackPane root() {
        return root;
    }

    /**
     * Tells the citizen that what they just did did not work (an exception no code caught: logged by the caller),
     * until the screen changes, so the kiosk never just stops answering. FX thread only.
     */
    public void showFailure() {
        failed = true;
        renderNotices();
    }

    /** The demo's simulated-hardware controls, shown under the footer; never set on a real kiosk. */
    public void setDemoControls(Node controls) {
        demoControls = controls;
        render();
    }

    private void render() {
        if (navigator.current() instanceof AdminScreen screen) {
            renderAdmin(screen);
            return;
        }
        Messages m = messages;
        root.getStyleClass().remove("elder");
        if (session.elderMode()) {
            root.getStyleClass().add("elder");
        }
        HBox switches = new HBox();
        switches.getStyleClass().add("language-switch");
        for (Language language : Language.values()) {
            Button b = Widgets.button("lang-" + language.tag(), language.label(), "language",
                    () -> messages.languageProperty().set(language));
            if (language == m.language()) {
                b.getStyleClass().add("selected");
            }
            switches.getChildren().add(b);
        }
        Button elder = Widgets.button("elder-mode", m.get(session.elderMode() ? "shell.elder.off" : "shell.elder.on"),
                "language", () -> session.elderModeProperty().set(!session.elderMode()));
        switches.getChildren().add(elder);
        // A narrow (portrait) screen squeezes the titles, which wrap, never the switches into "…".
        switches.setMinWidth(Region.USE_PREF_SIZE);
        VBox titles = new VBox(Widgets.label(m.get("app.title"), "app-title"),
                Widgets.label(m.show(identity.hallName()) + " · " + m.get("app.subtitle"), "app-subtitle"));
        HBox header = new HBox(titles, grow(), switches);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);

        Button home = Widgets.button("home", m.get("shell.home"), "nav", navigator::home);
        Button back = Widgets.button("back", m.get("shell.back"), "nav", navigator::back);
        home.setDisable(!navigator.canGoBack());
        back.setDisable(!navigator.canGoBack());
        HBox footer = new HBox(back, home, grow(),
                Widgets.label(m.get("shell.help", identity.hallPhone()), "footer-text"),
                Widgets.label(m.get("shell.kioskId", identity.kioskId()), "footer-text"));
        footer.getStyleClass().add("footer");
        footer.setAlignment(Pos.CENTER_LEFT);

        frame.setTop(withNotices(header));
        frame.setCenter(renderScreen(navigator.current()));
        frame.setBottom(demoControls == null ? footer : new VBox(footer, demoControls));
        renderCountdown(idle.secondsLeftProperty().get());
    }

    private void renderAdmin(AdminScreen screen) {
        Messages m = messages;
        root.getStyleClass().remove("elder");
        VBox titles = new VBox(Widgets.label(m.get(screen.titleKey()), "app-title"),
                Widgets.label(m.show(identity.hallName()) + " · " + m.get("shell.kioskId", identity.kioskId()),
                        "app-subtitle"));
        HBox header = new HBox(titles, grow(), Widgets.button("admin-exit", m.get(admin.session().isPresent()
                ? "admin.logout" : "admin.cancel"), "nav", admin::exit));
        header.getStyleClass().addAll("header", "admin-header");
        header.setAlignment(Pos.CENTER_LEFT);
        frame.setTop(withNotices(header));
        frame.setCenter(renderScreen(screen));
        frame.setBottom(null);
        renderCountdown(admin.idle().secondsLeftProperty().get());
    }

    /** The screen drawn afresh in the current language, after releasing what its previous rendering bound. */
    private Node renderScreen(Screen screen) {
        if (shown != null) {
            shown.release();
        }
        shown = new ViewScope(messages);
        return views.render(screen, shown);
    }

    /** The header with the service notices under it. */
    private VBox withNotices(HBox header) {
        renderNotices();
        return new VBox(header, banners);
    }

    private void renderNotices() {
        banners.getChildren().setAll(notices.noticesProperty().get().stream().map(notice -> {
            Label banner = Widgets.label(messages.get(notice), "notice-banner");
            banner.setId(notice.replace('.', '-'));
            banner.setMaxWidth(Double.MAX_VALUE);
            return banner;
        }).toList());
        if (failed) {
            Label failure = Widgets.label(messages.get("shell.failed"), "notice-banner");
            failure.setId("shell-failed");
            failure.setMaxWidth(Double.MAX_VALUE);
            banners.getChildren().add(failure);
        }
        String farewell = session.farewellProperty().get();
        if (!farewell.isEmpty()) {
            Label word = Widgets.label(messages.get(farewell), "farewell");
            word.setId("farewell");
            word.setMaxWidth(Double.MAX_VALUE);
            banners.getChildren().add(word);
        }
    }

    private void renderCountdown(int secondsLeft) {
        boolean counting = secondsLeft != IdleMonitor.NOT_COUNTING;
        countdown.setVisible(counting);
        // Behind the dialog the screen may hold a citizen's name, ID number and phone: blurred past reading.
        frame.setEffect(counting ? new GaussianBlur(COUNTDOWN_BLUR) : null);
        if (!counting) {
            countdown.getChildren().clear();
            return;
        }
        // On the home screen nothing was filled in: only the language or elder mode goes back to the default.
        String message = navigator.current() instanceof AdminScreen ? "admin.idle.message"
                : navigator.atHome() ? "idle.message.home" : "idle.message";
        VBox dialog = new VBox(Widgets.label(messages.get("idle.title"), "page-title"),
                Widgets.label(messages.get(message, secondsLeft), "idle-message"),
                // Any touch already resets the idle monitor (scene filter); the button is the obvious place to touch.
                Widgets.button("idle-continue", messages.get("idle.continue"), "primary", () -> { }));
        dialog.getStyleClass().add("dialog");
        dialog.setId("idle-dialog");
        dialog.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        countdown.getChildren().setAll(dialog);
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
