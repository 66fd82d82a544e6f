package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.receipt.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A citizen applies end to end on the demo assembly: simulated ID-card reader and virtual printer on in-memory
 * links speaking the real protocols, the real SQLite outbox — driven by touch only (on-screen keypad). The card
 * problems on the identify screen are {@link IdentifyUiTest}'s, the form's checks and the consent
 * {@link FormAndConsentUiTest}'s.
 */
class CitizenJourneyUiTest extends JourneyOnStage {

    /** What the receipt screen, the roll and the progress list say of an application waiting at this kiosk. */
    private static final String SAVED_OFFLINE = org.bianmin.receipt.Receipt.Status.SAVED_OFFLINE.text(
            java.util.Locale.SIMPLIFIED_CHINESE);

    @Test
    void applyIdentifyFillConsentSubmitPrintAndRate() throws Exception {
        ServiceItem item = applyUntilReceipt();
        String receiptNumber = lookup("#receipt-number").queryLabeled().getText();
        assertThat(receiptNumber).startsWith(KioskConfig.defaults().kioskId() + "-");
        assertThat(item.handlingType()).isEqualTo(ServiceItem.HandlingType.IMMEDIATE);
        assertThat(texts()).as("delivered at once, and a 即办 item decided by the portal").contains("已办结");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#receipt-paper").queryLabeled().getText()
                .equals("回执已打印，请在出纸口取走"));
        var printed = demo.devices().virtualPrinter().transcript();
        assertThat(printed.text()).contains(receiptNumber, ITEM_NAME);
        // Screen and roll say the same: decided at once, so no promise of a text message to come.
        assertThat(textOf("#receipt-status")).isEqualTo(ZH.get("receipt.status.COMPLETED"));
        assertThat(flat(printed.text())).contains("办理状态：" + textOf("#receipt-status")).doesNotContain("短信");
        // Statuses read as text, not as buttons to press.
        assertThat(List.of("#receipt-paper", "#receipt-card")).allSatisfy(id -> assertThat(
                lookup(id).queryAs(javafx.scene.control.Label.class).getBackground()).satisfiesAnyOf(
                        b -> assertThat(b).isNull(),
                        b -> assertThat(b.getFills()).allMatch(f -> f.getFill().equals(javafx.scene.paint.Color.TRANSPARENT))));
        assertThat(printed.qrPayloads()).containsExactly(receiptNumber);
        assertThat(printed.text()).doesNotContain(PHONE);

        clickOn("#demo-remove-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#receipt-card").queryLabeled().getText()
                .equals("身份证已取走，谢谢"));
        clickOn("#receipt-finish");
        waitFor("#journey-rating");
        // A 差评: reasons are asked before it can be sent, and an optional comment is typed in pinyin.
        clickOn("#rating-2");
        assertThat(lookup("#rating-submit").query().isDisabled()).isTrue();
        clickOn("#reason-SLOW");
        clickOn("#reason-MACHINE_PROBLEM");
        assertThat(lookup("#key-M").<javafx.scene.Node>queryAll()).as("the comment keypad waits for a tap on the comment")
                .noneMatch(CitizenJourneyUiTest::shown);
        clickOn("#rating-comment");
        for (char c : "man".toCharArray()) {
            clickOn("#key-" + Character.toUpperCase(c));
        }
        clickOn("#candidate-0");
        String comment = lookup("#rating-comment").queryAs(TextInputControl.class).getText();
        assertThat(comment).hasSize(1);
        clickOn("#rating-submit");
        waitFor("#search-field");
        assertThat(textOf("#farewell")).as("a word of thanks at home").isEqualTo(ZH.get("rating.thanks"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().outbox().list(10).size() == 2);
        List<OutboxEntry> entries = kiosk.cache().outbox().list(10);
        assertThat(entries).extracting(OutboxEntry::kind)
                .containsExactlyInAnyOrder(SubmissionKind.APPLICATION, SubmissionKind.RATING);
        assertThat(entries).extracting(OutboxEntry::itemCode).containsOnly(item.code());
        assertThat(entries).filteredOn(e -> e.kind() == SubmissionKind.APPLICATION)
                .extracting(OutboxEntry::receiptNumber).containsExactly(receiptNumber);
        long applicationId = entries.stream().filter(e -> e.kind() == SubmissionKind.APPLICATION).findFirst()
                .orElseThrow().id();
        assertThat(entries).filteredOn(e -> e.kind() == SubmissionKind.RATING).singleElement()
                .satisfies(r -> assertThat(r.after()).as("sent only after the application it rates")
                        .hasValue(applicationId));
        // The rating follows the application to the portal; each reaches it exactly once.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> kiosk.cache().outbox().status().getOrDefault(DeliveryState.DELIVERED, 0L) == 2L);
        // The portal keeps the reasons as codes, apart from the comment, tied to the receipt.
        var portal = demo.portal().store();
        assertThat(portal.recentRatings(10)).singleElement().satisfies(r -> {
            assertThat(r.score()).isEqualTo(2);
            assertThat(r.reasons()).containsExactly(org.bianmin.protocol.api.RatingReason.SLOW,
                    org.bianmin.protocol.api.RatingReason.MACHINE_PROBLEM);
            assertThat(r.comment()).isEqualTo(comment);
            assertThat(r.receiptNumber()).isEqualTo(receiptNumber);
        });
        // Progress lookup on the kiosk shows the portal's live status of the application: typed in…
        clickOn("#progress");
        clickOn("#progress-field").write(receiptNumber);
        clickOn("#progress-lookup");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains("以上为办理部门的最新状态"));
        assertThat(texts()).contains(receiptNumber, "已办结");
        // …or by scanning the receipt's QR code from the home screen.
        clickOn("#home");
        interact(() -> kiosk.onScan(new org.bianmin.device.scanner.ScanResult.Scanned(
                new org.bianmin.device.scanner.ScanPayload.ReceiptCode(receiptNumber, receiptNumber),
                java.nio.charset.StandardCharsets.UTF_8)));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains("以上为办理部门的最新状态"));
        assertThat(lookup("#progress-field").queryAs(TextInputControl.class).getText()).isEqualTo(receiptNumber);
        // The audit log tells the story without a single personal value, and its chain verifies.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().audit().tail(20).stream()
                .anyMatch(r -> r.toString().contains("session.end")));
        String audit = kiosk.cache().audit().tail(20).toString();
        assertThat(audit).contains("identity.read", "application.stored", receiptNumber, "rating.stored",
                "session.end").doesNotContain(PHONE, "110105199003071239", "测试样卡");
        assertThat(kiosk.cache().audit().verify()).isInstanceOf(org.bianmin.cache.audit.VerifyResult.Intact.class);
        var sync = kiosk.sync().orElseThrow();
        assertThat(sync.lookup(receiptNumber)).isInstanceOfSatisfying(
                org.bianmin.cache.sync.ReceiptStatus.Live.class,
                live -> assertThat(live.status().itemCode()).isEqualTo(item.code()));
    }

    /**
     * In 繁體 and English the choices read in the citizen's language, but the department gets the catalogue's own
     * words; a 繁體 session's roll is printed in Traditional characters, an English one's stays Simplified.
     */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH_TW", "EN"})
    void theDepartmentGetsTheCataloguesWordsAndTheRollFollowsTheScript(Language language) throws Exception {
        clickOn("#demo-network"); // offline: the application waits in the outbox, where its payload can be read
        clickOn("#lang-" + language.tag());
        ServiceItem item = openItem();
        clickOn("#demo-place-card");
        waitFor("#journey-form");
        typeOnKeypad("#field-phone", PHONE);
        FormDefinition.Field choice = item.form().fields().stream().filter(f -> !f.options().isEmpty()).findFirst()
                .orElseThrow();
        String chosen = choice.options().getFirst();
        String shown = new Messages(language).show(Content.option(choice, chosen));
        String button = "#choice-" + choice.key() + "-0";
        assertThat(lookup(button).queryAs(ToggleButton.class).getText()).isEqualTo(shown).isNotEqualTo(chosen);
        scrollTo(button);
        clickOn(button);
        clickOn("#form-next");
        waitFor("#journey-consent");
        clickOn("#consent-agree");
        waitFor("#journey-review");
        assertThat(texts()).contains(shown).doesNotContain(chosen);
        clickOn("#review-submit");
        waitFor("#journey-receipt");

        List<String> payloads = new ArrayList<>();
        kiosk.cache().outbox().undelivered(p -> payloads.add(new String(p, StandardCharsets.UTF_8)));
        assertThat(payloads).singleElement().satisfies(p -> assertThat(p)
                .contains("\"" + choice.key() + "\":\"" + chosen + "\"").doesNotContain(shown));

        var receipt = (ReceiptViewModel) kiosk.navigator().current();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> receipt.paperProperty().get() != ReceiptViewModel.Paper.PRINTING);
        String roll = demo.devices().virtualPrinter().transcript().text().replace("\n", "")
                .replace(" ", "");
        if (language == Language.ZH_TW) {
            assertThat(roll).contains("社會保障卡掛失", "辦理狀態：" + Receipt.Status.SAVED_OFFLINE.text(Locale.TRADITIONAL_CHINESE)
                    .replace(" ", ""), "掃碼查詢辦理進度").doesNotContain(ITEM_NAME);
            // Only the masked applicant (测***, off the card) keeps a simplified-only character.
            assertThat(roll.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    && !java.nio.charset.Charset.forName("Big5").newEncoder().canEncode(Character.toString(cp)))
                    .mapToObj(Character::toString).distinct()).containsExactly("测");
        } else {
            assertThat(roll).as("the counter reads Chinese: an English session's roll stays Simplified")
                    .contains(ITEM_NAME, "办理状态：" + Receipt.Status.SAVED_OFFLINE.label.replace(" ", ""));
        }
    }

    @Test
    void offlineApplicationIsQueuedHonestlyThenDeliveredExactlyOnceWhenThePortalIsBack() throws Exception {
        var portal = demo.portal().store();
        clickOn("#demo-network"); // the hall's line goes down
        assertThat(demo.network().connected()).isFalse();
        ServiceItem item = applyUntilReceipt();
        String receiptNumber = lookup("#receipt-number").queryLabeled().getText();
        assertThat(texts()).as("honest: saved here, sent later").contains(SAVED_OFFLINE)
                .doesNotContain(ZH.get("receipt.status.COMPLETED"), ZH.get("receipt.status.RECEIVED"));
        var roll = demo.devices().virtualPrinter();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> roll.transcript().text().contains(receiptNumber));
        assertThat(flat(roll.transcript().text())).as("the roll says what the screen says")
                .contains("办理状态：" + SAVED_OFFLINE);
        assertThat(kiosk.cache().outbox().status()).containsEntry(DeliveryState.PENDING, 1L);
        assertThat(portal.count("submission")).isZero();
        clickOn("#receipt-finish");
        clickOn("#rating-skip");

        // The visit is over: the card still on the reader is asked for, not read; placed again, it is read, and the
        // progress screen lists what waits here.
        clickOn("#progress");
        waitFor("#receipt-takeCard");
        clickOn("#demo-remove-card");
        clickOn("#demo-place-card");
        waitFor("#holder-" + receiptNumber);
        assertThat(texts()).contains(ZH.get("progress.holder.title", "110105********1239"), item.name(),
                SAVED_OFFLINE, ZH.get("progress.holder.unavailable"));
        // Asked by number while offline, the kiosk says the application waits here, not "not found".
        clickOn("#progress-field").write(receiptNumber);
        clickOn("#progress-lookup");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains(ZH.get("progress.queued")));

        clickOn("#demo-network"); // the line is back: the outbox delivers by itself
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> kiosk.cache().outbox().status().getOrDefault(DeliveryState.DELIVERED, 0L) == 1L);
        kiosk.sync().orElseThrow().deliverNow().get(15, TimeUnit.SECONDS); // another pass sends nothing again
        assertThat(portal.count("submission")).as("exactly once at the portal").isEqualTo(1);
        assertThat(portal.status(receiptNumber)).hasValueSatisfying(s -> assertThat(s.history()).extracting(
                org.bianmin.protocol.api.SubmissionStatus.StatusChange::state).containsExactly(
                org.bianmin.protocol.api.SubmissionState.RECEIVED, org.bianmin.protocol.api.SubmissionState.COMPLETED));

        clickOn("#progress-lookup");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains(ZH.get("progress.live")));
        assertThat(texts()).contains(receiptNumber, ZH.get("receipt.status.COMPLETED"))
                .doesNotContain(ZH.get("progress.queued"));

        // By card again: now the portal's live status, found by the keyed hash of the ID number…
        clickOn("#demo-remove-card");
        clickOn("#demo-place-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains(ZH.get("progress.live"))
                && texts().contains(ZH.get("progress.holder.title", "110105********1239")));
        assertThat(texts()).contains(ZH.get("receipt.status.COMPLETED")).doesNotContain(
                SAVED_OFFLINE);
        // …and with the line down once more, the last status heard, marked as such.
        clickOn("#demo-remove-card");
        clickOn("#demo-network");
        clickOn("#demo-place-card");
        String lastKnown = ZH.get("progress.lastKnown", "@").split("@")[0];
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().stream().anyMatch(t -> t.startsWith(lastKnown)));
        assertThat(texts()).contains(receiptNumber, ZH.get("receipt.status.COMPLETED"));
    }

    @Test
    void anEidCodeVerifiedByThePortalIdentifiesLikeTheCard() throws Exception {
        applyUntilReceipt("#demo-scan-eid");
        assertThat(lookup("#receipt-card").query().isVisible()).as("no card to take away").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.cache().audit().tail(20).toString()
                .contains("application.stored"));
        assertThat(kiosk.cache().audit().tail(20).toString()).contains("identity.eid").doesNotContain("identity.read", "110105199003071239");
        clickOn("#receipt-finish");
        clickOn("#rating-skip");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> kiosk.cache().outbox().status().getOrDefault(DeliveryState.DELIVERED, 0L) == 1L);
    }

    @Test
    void withoutTheNetworkAnEidCodeIsExplainedAndTheCardStillWorks() throws Exception {
        openItem();
        interact(() -> kiosk.onScan(new org.bianmin.device.scanner.ScanResult.Scanned(
                new org.bianmin.device.scanner.ScanPayload.EidToken("EID:" + "Q".repeat(64)),
                java.nio.charset.StandardCharsets.UTF_8)));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#identify-error").queryLabeled().isVisible());
        assertThat(lookup("#identify-error").queryLabeled().getText()).isEqualTo(ZH.get("identify.error.eidInvalid"));

        clickOn("#demo-network");
        clickOn("#demo-scan-eid");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#identify-error").queryLabeled().getText()
                .equals(ZH.get("identify.error.eidOffline")));
        clickOn("#demo-place-card"); // the reader kept waiting: no retry needed
        waitFor("#journey-form");
        assertThat(texts()).anyMatch(t -> t.startsWith("测试样卡"));
    }

    @Test
    void printerOutOfPaperRaisesTheNoticeAndTheReceiptStaysOnScreen() throws Exception {
        var devices = demo.devices();
        devices.virtualPrinter().setStatus(new org.bianmin.device.printer.PrinterStatus(true, false, false, true,
                true, false));
        kiosk.checkPrinter(devices.devices().printer().orElseThrow());
        waitFor("#notice-printerUnavailable");

        applyUntilReceipt();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#receipt-paper").queryLabeled().getText()
                .equals("暂时无法打印回执，请扫描二维码或记下回执编号"));
        assertThat(lookup("#receipt-number").queryLabeled().getText()).isNotBlank();
        assertThat(lookup("#receipt-qr").tryQuery()).isPresent();
        assertThat(devices.virtualPrinter().transcript().text()).isEmpty();

        // Back from the receipt leads home, never to the review screen where it could be submitted again.
        clickOn("#back");
        waitFor("#search-field");
        assertThat(kiosk.cache().outbox().list(10)).hasSize(1);
    }

    @Test
    void chineseTextIsEnteredWithThePinyinKeypad() throws Exception {
        ServiceItem item = kiosk.catalogue().items().stream().filter(i -> i.name().equals("无犯罪记录证明开具"))
                .findFirst().orElseThrow();
        clickOn("#search-field").write("wfzjl");
        scrollTo("#item-" + item.code());
        clickOn("#item-" + item.code());
        clickOn("#apply");
        clickOn("#demo-place-card");
        waitFor("#journey-form");
        scrollTo("#field-receivingOrg");
        clickOn("#field-receivingOrg");
        for (char c : "zhang".toCharArray()) {
            clickOn("#key-" + Character.toUpperCase(c));
        }
        assertThat(texts()).contains("zhang");
        clickOn("#candidate-0");
        String entered = lookup("#field-receivingOrg").queryAs(TextInputControl.class).getText();
        assertThat(entered).hasSize(1);
        assertThat(org.bianmin.kiosk.ime.PinyinIme.load().candidates("zhang")).contains(entered.charAt(0));
        clickOn("#key-1");
        assertThat(lookup("#field-receivingOrg").queryAs(TextInputControl.class).getText()).isEqualTo(entered + "1");
    }

    /** Search, apply, place the card, fill the form by touch, consent, submit: returns the item applied for. */
    private ServiceItem applyUntilReceipt() throws Exception {
        return applyUntilReceipt("#demo-place-card");
    }

    /** The same, identifying with the demo bar's {@code identify} button (card or e-ID code). */
    private ServiceItem applyUntilReceipt(String identify) throws Exception {
        ServiceItem item = identifyAndFillTheForm(identify);
        clickOn("#consent-agree");
        waitFor("#journey-review");
        assertThat(texts()).contains("138****5678").doesNotContain(PHONE);
        clickOn("#review-submit");
        waitFor("#journey-receipt");
        return item;
    }

    @Test
    void goingIdleWipesEveryPersonalValueFromScreenAndViewModels() throws Exception {
        openItem();
        clickOn("#demo-place-card");
        waitFor("#journey-form");
        typeOnKeypad("#field-phone", PHONE);
        FormViewModel form = (FormViewModel) kiosk.navigator().current();
        Journey journey = form.journey();
        assertThat(personalValuesOnScreen()).isNotEmpty();

        goIdle();

        waitFor("#search-field");
        assertThat(personalValuesOnScreen()).isEmpty();
        assertThat(journey.isWiped()).isTrue();
        assertThat(form.entries()).allSatisfy(e -> {
            assertThat(e.valueProperty().get()).isEmpty();
            assertThat(e.shownValue()).isEmpty();
        });
        assertThat(kiosk.navigator().canGoBack()).isFalse();
    }

    @Test
    void goingIdleOnTheReceiptOrTheProgressScreenLeavesNoPersonalValueBehind() throws Exception {
        applyUntilReceipt();
        ReceiptViewModel receipt = (ReceiptViewModel) kiosk.navigator().current();
        String receiptNumber = receipt.receiptNumber();
        assertThat(receipt.isWiped()).isFalse();

        goIdle();
        waitFor("#search-field");
        assertThat(receipt.isWiped()).as("the receipt's name, ID number and phone are gone").isTrue();
        assertThat(personalValuesOnScreen()).isEmpty();
        assertThat(texts()).doesNotContain(receiptNumber);

        // The card still lies on the reader: the next visit is asked to take it, not shown its holder's applications;
        // placed again, it is read for a lookup by card, and the receipt number is typed.
        clickOn("#progress");
        waitFor("#receipt-takeCard");
        assertThat(personalValuesOnScreen()).isEmpty();
        clickOn("#demo-remove-card");
        clickOn("#demo-place-card");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> texts().contains(
                ZH.get("progress.holder.title", "110105********1239")));
        var progress = (org.bianmin.kiosk.progress.ProgressViewModel) kiosk.navigator().current();
        clickOn("#progress-field").write(receiptNumber);
        assertThat(progress.holderAnswerProperty().get()).isNotNull();

        goIdle();
        waitFor("#search-field");
        assertThat(progress.receiptNumberProperty().get()).isEmpty();
        assertThat(progress.holderAnswerProperty().get()).isNull();
        assertThat(progress.answerProperty().get()).isNull();
        assertThat(personalValuesOnScreen()).isEmpty();
        assertThat(texts()).doesNotContain(receiptNumber);
    }

    @Test
    void anUntouchedKioskNeitherCountsDownNorEndsSessions() {
        String session = kiosk.session().id();
        java.time.Instant now = java.time.Instant.now();
        for (int minutes = 1; minutes <= 10; minutes++) {
            java.time.Instant tick = now.plus(java.time.Duration.ofMinutes(minutes));
            interact(() -> kiosk.tick(tick));
            assertThat(lookup("#idle-dialog").tryQuery()).as("no countdown on an empty kiosk").isEmpty();
        }
        assertThat(kiosk.session().id()).as("no session ended").isEqualTo(session);

        // Elder mode switched on is a visit: left alone, it times out and the kiosk is reset.
        clickOn("#elder-mode");
        java.time.Instant countdown = now.plus(java.time.Duration.ofMinutes(10))
                .plusSeconds(KioskConfig.defaults().elderIdleSeconds());
        interact(() -> kiosk.tick(countdown));
        assertThat(lookup("#idle-dialog").tryQuery()).isPresent();
        interact(() -> kiosk.tick(countdown.plusSeconds(KioskConfig.defaults().idleCountdownSeconds())));
        assertThat(kiosk.session().elderMode()).isFalse();
        assertThat(kiosk.session().id()).isNotEqualTo(session);
    }

    @Test
    void ratingChoicesSurviveARedrawAndOneTapTakesAReasonBack() throws Exception {
        applyUntilReceipt();
        clickOn("#receipt-finish");
        waitFor("#journey-rating");
        RatingViewModel rating = (RatingViewModel) kiosk.navigator().current();
        clickOn("#rating-2");
        clickOn("#reason-SLOW");
        for (String language : List.of("#lang-en", "#lang-zh-CN")) {
            clickOn(language); // the screen is rebuilt in that language
            assertThat(toggle("#rating-2").isSelected()).isTrue();
            assertThat(toggle("#reason-SLOW").isSelected()).isTrue();
            assertThat(lookup("#rating-submit").query().isDisabled()).isFalse();
        }

        clickOn("#reason-SLOW");
        assertThat(rating.reasons()).isEmpty();
        assertThat(toggle("#reason-SLOW").isSelected()).isFalse();
        assertThat(lookup("#rating-submit").query().isDisabled()).isTrue();

        // A good rating drops the reasons; they do not come back selected with the next poor one.
        clickOn("#reason-MACHINE_PROBLEM");
        clickOn("#rating-5");
        clickOn("#rating-2");
        assertThat(rating.reasons()).isEmpty();
        assertThat(toggle("#reason-MACHINE_PROBLEM").isSelected()).isFalse();
        assertThat(toggle("#rating-5").isSelected()).isFalse();
        clickOn("#rating-2"); // a second tap on the chosen level keeps it chosen
        assertThat(toggle("#rating-2").isSelected()).isTrue();
        assertThat(rating.levelProperty().get()).isEqualTo(RatingViewModel.Level.DISSATISFIED);
    }

    /** A printed text without its line breaks and spaces (the roll wraps long lines). */
    private static String flat(String printed) {
        return printed.replace("\n", "").replace(" ", "");
    }

    private javafx.scene.control.ToggleButton toggle(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryAs(javafx.scene.control.ToggleButton.class);
    }

    /** A last touch now, then nothing: the idle time runs out, the countdown shows and runs out too. */
    private void goIdle() {
        java.time.Instant touched = java.time.Instant.now();
        java.time.Instant countdown = touched.plusSeconds(KioskConfig.defaults().idleSeconds());
        interact(() -> {
            kiosk.input(touched);
            kiosk.tick(countdown);
        });
        assertThat(lookup("#idle-dialog").tryQuery()).as("countdown shown").isPresent();
        interact(() -> kiosk.tick(countdown.plusSeconds(KioskConfig.defaults().idleCountdownSeconds())));
    }


    /** Whether {@code node} and every parent of it are visible (TestFX's own check stops at the node). */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
