package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardFault;
import org.bianmin.kiosk.demo.SimulatedDevices;
import org.bianmin.protocol.catalogue.FormDefinition.CardKind;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The identify screen on the demo's simulated reader: every way a card can fail gets its own message and a retry
 * that works once the problem is gone.
 */
class IdentifyUiTest extends JourneyOnStage {

    /** Resident cards only: a foreign permanent-residence card is the wrong type here. */
    private static final String RESIDENTS_ONLY = "无犯罪记录证明开具";

    @ParameterizedTest
    @CsvSource({
        "CARD_REMOVED_MID_READ, identify.error.removed",
        "UNREADABLE_CARD, identify.error.unreadable",
        "UNKNOWN_CARD_TYPE, identify.error.unreadable",
        "SAM_FAILURE, identify.error.reader"})
    void aFaultyReadIsExplainedAndRetryWorksOnceTheFaultIsGone(IdCardFault fault, String key) throws Exception {
        SimulatedDevices devices = demo.devices();
        openItem();
        devices.cardFault(fault);
        clickOn("#demo-place-card");
        assertRefused(key);

        devices.cardFault(IdCardFault.NONE);
        retryWithAGoodCard();
    }

    @Test
    void anExpiredCardIsRefusedWithItsOwnMessageAndARetry() throws Exception {
        openItem();
        Path expired = data.resolve("expired.json");
        Files.writeString(expired, new String(getClass().getResourceAsStream(
                "/org/bianmin/device/idcard/cards/resident.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"validUntil\": \"2035-06-01\"", "\"validUntil\": \"2025-06-01\""));
        demo.devices().placeCard(CardFiles.load(expired));
        assertRefused("identify.error.expired");
        retryWithAGoodCard();
    }

    @Test
    void aCardTheItemDoesNotAcceptIsRefusedWithItsOwnMessageAndARetry() throws Exception {
        ServiceItem item = openItem(RESIDENTS_ONLY, "wfzjl");
        assertThat(item.form().acceptedCards()).containsExactly(CardKind.RESIDENT);
        assertThat(texts()).contains(ZH.get("identify.accepted", ZH.of("card", CardKind.RESIDENT)));
        demo.devices().placeCard(CardFiles.sample("foreign-permanent.json"));
        assertRefused("identify.error.wrongType");
        retryWithAGoodCard();
    }

    /** The screen shows {@code key}'s message (and nothing else) with a retry button, and stays there. */
    private void assertRefused(String key) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#identify-error").queryLabeled().isVisible());
        assertThat(textOf("#identify-error")).isEqualTo(ZH.get(key));
        assertThat(lookup("#identify-retry").query().isVisible()).isTrue();
        assertThat(lookup("#journey-form").tryQuery()).isEmpty();
    }

    /** A sound resident card on the reader and "retry": the form opens. */
    private void retryWithAGoodCard() throws Exception {
        clickOn("#demo-place-card"); // the first sample, a valid resident card, in place of whatever lay there
        clickOn("#identify-retry");
        waitFor("#journey-form");
        assertThat(texts()).anyMatch(t -> t.startsWith("测试样卡"));
    }
}
