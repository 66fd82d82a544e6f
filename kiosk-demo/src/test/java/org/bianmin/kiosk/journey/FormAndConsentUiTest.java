package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextInputControl;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The form's inline validation and the consent screen on the demo kiosk: a wrong value is shown under its field
 * and stops "next" until it is put right; nothing is submitted without consent.
 */
class FormAndConsentUiTest extends JourneyOnStage {

    /** Asks for a phone number, the partner's ID number and a date. */
    private static final String MARRIAGE_BOOKING = "结婚登记预约";

    @Test
    void aWrongPhoneIdNumberOrDateIsShownUnderItsFieldBlocksNextAndGoesOnceItIsRight() throws Exception {
        ServiceItem item = openItem(MARRIAGE_BOOKING, "jhdjyy");
        clickOn("#demo-place-card");
        waitFor("#journey-form");
        typeOnKeypad("#field-phone", "1381234");
        typeOnKeypad("#field-partnerIdNumber", "110105199101010027"); // the check character should be 6
        typeOnKeypad("#field-date", "2027-13-01");
        enterChinese("#field-partnerName", "li");
        String slot = item.form().fields().stream().filter(f -> f.key().equals("slot")).findFirst().orElseThrow()
                .options().getFirst();
        scrollTo(labeled(slot));
        clickOn(labeled(slot));

        clickOn("#form-next");
        assertThat(textOf("#field-phone-error")).isEqualTo(ZH.get("form.error.phone"));
        assertThat(textOf("#field-partnerIdNumber-error")).isEqualTo(ZH.get("form.error.id_number"));
        assertThat(textOf("#field-date-error")).isEqualTo(ZH.get("form.error.date"));
        assertThat(textOf("#field-partnerName-error")).isEmpty();
        assertThat(lookup("#journey-consent").tryQuery()).as("next is blocked").isEmpty();
        assertThat(kiosk.navigator().current()).isInstanceOf(FormViewModel.class);

        // Each error goes as soon as its value is right, without another "next".
        typeOnKeypad("#field-phone", "5678");
        assertThat(textOf("#field-phone-error")).isEmpty();
        assertThat(textOf("#field-date-error")).as("the others stay").isEqualTo(ZH.get("form.error.date"));
        clearOnKeypad("#field-partnerIdNumber");
        typeOnKeypad("#field-partnerIdNumber", "11010519910101002");
        assertThat(textOf("#field-partnerIdNumber-error")).as("still one character short").isEqualTo(
                ZH.get("form.error.id_number"));
        typeOnKeypad("#field-partnerIdNumber", "6");
        assertThat(textOf("#field-partnerIdNumber-error")).isEmpty();
        clearOnKeypad("#field-date");
        typeOnKeypad("#field-date", "2026-12-15");
        assertThat(textOf("#field-date-error")).isEmpty();
        assertThat(lookup("#field-date").queryAs(TextInputControl.class).getText()).isEqualTo("2026-12-15");

        clickOn("#form-next");
        waitFor("#journey-consent");
    }

    @Test
    void decliningConsentSubmitsNothingAndEndsTheVisit() throws Exception {
        var portal = demo.portal().store();
        identifyAndFillTheForm("#demo-place-card");
        ConsentViewModel consent = (ConsentViewModel) kiosk.navigator().current();
        Journey journey = consent.journey();
        String session = kiosk.session().id();

        clickOn("#consent-decline");
        waitFor("#search-field");
        assertThat(kiosk.navigator().atHome()).isTrue();
        assertThat(kiosk.navigator().canGoBack()).as("no way back to the filled form").isFalse();
        assertThat(kiosk.session().id()).as("the visit ended").isNotEqualTo(session);
        assertThat(journey.consented()).isFalse();
        assertThat(journey.isWiped()).isTrue();

        // A late "agree" on the screen just left (a double tap) brings nothing back.
        interact(consent::agree);
        assertThat(kiosk.navigator().atHome()).isTrue();
        assertThat(journey.consented()).isFalse();

        kiosk.sync().orElseThrow().deliverNow().get(15, TimeUnit.SECONDS);
        assertThat(kiosk.cache().outbox().list(10)).isEmpty();
        assertThat(portal.count("submission")).isZero();
    }

    @Test
    void withoutConsentThereIsNoWayToSubmit() throws Exception {
        var portal = demo.portal().store();
        identifyAndFillTheForm("#demo-place-card");
        Journey journey = ((ConsentViewModel) kiosk.navigator().current()).journey();
        assertThat(journey.consented()).isFalse();
        assertThatThrownBy(() -> new ReviewViewModel(null, journey)).as("no review screen before consent")
                .isInstanceOf(IllegalStateException.class);

        clickOn("#consent-agree");
        waitFor("#journey-review");
        ReviewViewModel review = (ReviewViewModel) kiosk.navigator().current();
        // The visit times out under the review screen: the consent goes with the data, and a late submit is refused.
        interact(() -> kiosk.session().end());
        waitFor("#search-field");
        assertThat(journey.consented()).isFalse();
        interact(review::submit);
        assertThat(review.busyProperty().get()).as("not even started").isFalse();

        drainStorage(); // a submit would have stored (and delivered) on the storage thread: it has run by now
        assertThat(kiosk.cache().outbox().list(10)).isEmpty();
        assertThat(portal.count("submission")).isZero();
        assertThat(kiosk.navigator().atHome()).isTrue();
    }

    /** Runs everything queued on the kiosk's single storage thread before now, then what it posted to the FX thread. */
    private void drainStorage() throws Exception {
        Executor storage = kiosk.workers().stream().filter(w -> w.name().equals("storage")).findFirst().orElseThrow()
                .executor();
        CompletableFuture.runAsync(() -> { }, storage).get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clearOnKeypad(String field) {
        scrollTo(field);
        clickOn(field);
        clickOn("#key-clear");
    }

    /** Spells {@code pinyin} on the keypad and takes the first candidate. */
    private void enterChinese(String field, String pinyin) {
        scrollTo(field);
        clickOn(field);
        for (char c : pinyin.toCharArray()) {
            clickOn("#key-" + Character.toUpperCase(c));
        }
        clickOn("#candidate-0");
    }
}
