package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.status.ServiceNotices;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two citizens back to back on the demo kiosk: the first leaves the receipt with 首页 or 返回 (the card still on
 * the reader), the second walks up. The visit ends as the first leaves; the second sees nothing of it on any screen,
 * and the first one's card is asked for everywhere until it is taken, never read for the second.
 */
class TwoCitizensUiTest extends JourneyOnStage {

    /** The take-card notice under the header (its id is the message key with dots as hyphens). */
    private static final String TAKE_CARD = "#" + ServiceNotices.TAKE_CARD.replace('.', '-');

    @Test
    void leavingTheReceiptWithHomeEndsTheVisitAndTheNextCitizenSeesNothingOfIt() throws Exception {
        secondCitizenSeesNothingAfterTheFirstLeavesWith("#home");
    }

    @Test
    void leavingTheReceiptWithBackEndsTheVisitToo() throws Exception {
        secondCitizenSeesNothingAfterTheFirstLeavesWith("#back");
    }

    private void secondCitizenSeesNothingAfterTheFirstLeavesWith(String button) throws Exception {
        identifyAndFillTheForm("#demo-place-card");
        clickOn("#consent-agree");
        clickOn("#review-submit");
        waitFor("#journey-receipt");
        ReceiptViewModel receipt = (ReceiptViewModel) kiosk.navigator().current();
        String receiptNumber = receipt.receiptNumber();
        String firstVisit = kiosk.session().id();

        clickOn(button); // the first citizen walks away; the card stays on the reader
        waitFor("#search-field");
        assertThat(kiosk.session().id()).as("the visit ended").isNotEqualTo(firstVisit);
        assertThat(receipt.isWiped()).isTrue();
        assertThat(kiosk.navigator().canGoBack()).isFalse();
        waitFor(TAKE_CARD);
        assertThat(textOf(TAKE_CARD)).isEqualTo(ZH.get("receipt.takeCard"));
        assertNothingOfTheFirstCitizen(receiptNumber);
        snapshot("two-citizens-home" + button.replace('#', '-') + ".png");

        // The second citizen asks for progress: the card on the reader is the first one's, and is not read.
        clickOn("#progress");
        ProgressViewModel progress = (ProgressViewModel) kiosk.navigator().current();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> demo.devices().devices().reader().cardLeftBehind()
                        && lookup(TAKE_CARD).tryQuery().isPresent());
        assertThat(progress.holderAnswerProperty().get()).isNull();
        assertNothingOfTheFirstCitizen(receiptNumber);
        snapshot("two-citizens-progress" + button.replace('#', '-') + ".png");

        // Taken away: the notice goes; a card placed now is a new visit's, read as usual.
        clickOn("#demo-remove-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup(TAKE_CARD).tryQuery().isEmpty());
        clickOn("#demo-place-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> progress.holderAnswerProperty().get() != null);
        // …and when it is taken, its applications leave the screen with it.
        clickOn("#demo-remove-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> progress.holderAnswerProperty().get() == null);
        assertThat(personalValuesOnScreen()).isEmpty();
    }

    @Test
    void aCardLeftOnTheProgressScreenIsNotReadForTheNextPersonThere() throws Exception {
        clickOn("#progress");
        clickOn("#demo-place-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains(
                ZH.get("progress.holder.title", "110105********1239")));
        clickOn("#home"); // the card stays

        clickOn("#progress");
        ProgressViewModel next = (ProgressViewModel) kiosk.navigator().current();
        waitFor(TAKE_CARD);
        assertThat(next.holderAnswerProperty().get()).isNull();
        assertThat(personalValuesOnScreen()).isEmpty();
    }

    private void assertNothingOfTheFirstCitizen(String receiptNumber) {
        assertThat(personalValuesOnScreen()).isEmpty();
        assertThat(texts()).noneMatch(t -> t.contains(receiptNumber)).doesNotContain(ITEM_NAME);
    }
}
