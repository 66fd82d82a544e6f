package org.bianmin.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Screen;
import org.junit.jupiter.api.Test;

class KioskSessionTest {

    private final Screen home = new Screen() {};
    private final Navigator navigator = new Navigator(home);
    private final Messages messages = new Messages(Language.ZH_CN);
    private final List<String> ended = new ArrayList<>();
    private final KioskSession session = new KioskSession(navigator, messages, Language.ZH_CN, ended::add);

    @Test
    void theUntouchedHomeScreenIsNoVisit() {
        assertThat(session.inProgress()).isFalse();
        navigator.show(new Screen() {});
        navigator.back();
        assertThat(session.inProgress()).as("back home with nothing left behind").isFalse();
    }

    @Test
    void anotherScreenElderModeOrAnotherLanguageIsAVisit() {
        navigator.show(new Screen() {});
        assertThat(session.inProgress()).isTrue();
        navigator.home();
        session.elderModeProperty().set(true);
        assertThat(session.inProgress()).isTrue();
        session.elderModeProperty().set(false);
        messages.languageProperty().set(Language.EN);
        assertThat(session.inProgress()).isTrue();
    }

    @Test
    void reachingHomeAfterTheApplicationIsStoredEndsTheVisit() {
        navigator.show(new Screen() {});
        navigator.home();
        assertThat(ended).as("no application yet: home is only a screen").isEmpty();

        Screen receipt = new Screen() {};
        navigator.showWithoutReturn(receipt);
        session.applicationFinished();
        navigator.show(new Screen() {}); // the rating
        navigator.back();
        assertThat(ended).as("back to the receipt is still the visit").isEmpty();
        navigator.back(); // 返回 from the receipt leads home
        assertThat(ended).hasSize(1);
        assertThat(navigator.atHome()).isTrue();

        navigator.show(new Screen() {});
        navigator.home();
        assertThat(ended).as("the next visit has no application of its own").hasSize(1);
    }

    @Test
    void personalDataLeftBehindOnTheHomeScreenKeepsTheVisitOpenUntilItEnds() {
        navigator.show(new Screen() {});
        session.onEnd(() -> { });
        navigator.home();
        assertThat(session.inProgress()).as("still to be wiped").isTrue();

        session.end();
        assertThat(session.inProgress()).isFalse();
        assertThat(ended).hasSize(1);
    }
}
