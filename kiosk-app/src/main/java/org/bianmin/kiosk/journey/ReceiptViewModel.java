package org.bianmin.kiosk.journey;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.Background;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.receipt.Applicant;
import org.bianmin.receipt.Receipt;
import org.bianmin.receipt.ReceiptEscPos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipt: number and tracking QR on screen in every case, printed when the printer says it can, and a
 * reminder to take the ID card until the reader sees it leave.
 */
public final class ReceiptViewModel implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptViewModel.class);
    static final Duration CARD_REMOVAL_WAIT = Duration.ofSeconds(90);
    /** Receipts show the hall's time, whatever zone the machine's clock is set to. */
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    /** Where the paper receipt stands. */
    public enum Paper { PRINTING, PRINTED, NOT_PRINTED, NO_PRINTER }

    private final JourneyContext context;
    private final Journey journey;
    /** Holds the applicant (name, ID number, phone): dropped when the session ends. */
    private Receipt receipt;
    private final ReadOnlyObjectWrapper<Paper> paper = new ReadOnlyObjectWrapper<>(Paper.PRINTING);
    private final ReadOnlyBooleanWrapper cardTaken = new ReadOnlyBooleanWrapper(false);
    private boolean started;
    private boolean showing;

    public ReceiptViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
        this.receipt = receipt(context, journey);
        context.session().onEnd(() -> receipt = null);
    }

    /** True once nothing personal is held (what the idle-wipe test checks). */
    public boolean isWiped() {
        return receipt == null;
    }

    public String receiptNumber() {
        return receipt.receiptNumber();
    }

    /** What the on-screen QR code carries: the receipt number, which the kiosk's scanner looks up. */
    public String trackingPayload() {
        return receipt.trackingPayload();
    }

    /** Where the application stands: what the screen and the printed roll both say. */
    public Receipt.Status status() {
        return status(journey);
    }

    /** Received by the portal (or decided at once, 即办), or saved here and sent automatically later. */
    private static Receipt.Status status(Journey journey) {
        return journey.portalStatus().map(s -> s.state() == SubmissionState.COMPLETED ? Receipt.Status.COMPLETED
                : Receipt.Status.SUBMITTED).orElse(Receipt.Status.SAVED_OFFLINE);
    }

    public ReadOnlyObjectProperty<Paper> paperProperty() {
        return paper.getReadOnlyProperty();
    }

    /** False when the citizen identified with an e-ID code: there is no card to remind them of. */
    public boolean cardOnReader() {
        return journey.proof().orElse(Journey.Proof.CARD) == Journey.Proof.CARD;
    }

    public ReadOnlyBooleanProperty cardTakenProperty() {
        return cardTaken.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        showing = true;
        if (!started) {
            started = true;
            context.printer().ifPresentOrElse(this::print, () -> paper.set(Paper.NO_PRINTER));
        }
        if (cardOnReader() && !cardTaken.get()) {
            awaitRemoval();
        }
    }

    /** Watches for the card for as long as the receipt shows, however long it lies there. */
    private void awaitRemoval() {
        Background.run(context.devices(), context.ui(), () -> context.reader().awaitRemoval(CARD_REMOVAL_WAIT),
                removal -> {
                    cardTaken.set(removal == IdCardReader.Removal.REMOVED);
                    if (removal == IdCardReader.Removal.STILL_PRESENT && showing) {
                        awaitRemoval();
                    }
                },
                // Whether the card was taken is unknown: the reminder stays, as for a card still there.
                e -> cardTaken.set(false));
    }

    /**
     * Stops waiting for the card once the citizen moves on (the rating, or home, which ends the visit and leaves a
     * card still there to {@code CardLeftBehind}).
     */
    @Override
    public void leave() {
        showing = false;
        context.reader().cancel();
    }

    /** Done here: on to the rating, which comes up by itself. */
    public void finish() {
        context.navigator().show(new RatingViewModel(context, journey));
    }

    private void print(EscPosPrinter printer) {
        // The job takes its own reference: the session may end (dropping the field) before the printer thread runs.
        Receipt receipt = this.receipt;
        Background.run(context.printing(), context.ui(), () -> {
            PrintOutcome outcome = printer.print(ReceiptEscPos.job(receipt, printer.profile()));
            LOG.info("receipt {}: {}", receipt.receiptNumber(), outcome.getClass().getSimpleName());
            return outcome instanceof PrintOutcome.Printed || outcome instanceof PrintOutcome.AlreadyPrinted
                    ? Paper.PRINTED : Paper.NOT_PRINTED;
        }, paper::set, e -> paper.set(Paper.NOT_PRINTED));
    }

    private static Receipt receipt(JourneyContext context, Journey journey) {
        Accepted accepted = journey.accepted().orElseThrow(() -> new IllegalStateException("receipt before submit"));
        var item = journey.item();
        String phone = valueOf(journey, FormDefinition.FieldType.PHONE);
        String name = journey.card().map(c -> c.name()).orElse("");
        String id = journey.card().map(c -> c.idNumber()).orElse("");
        Receipt.Status status = status(journey);
        Receipt.Script script = script(context.session().language());
        return new Receipt("便民自助终端 受理回执", accepted.receiptNumber(), item.name(), item.code(),
                new Applicant(name, id, phone), OffsetDateTime.now(context.clock().withZone(HALL_ZONE)), status,
                status.nextSteps(script.locale()), item.place(), accepted.receiptNumber(), context.kioskId(),
                context.hall().address(), context.hall().phone(), script);
    }

    /**
     * A 繁體 session's receipt is printed in Traditional characters; the others' in the catalogue's Simplified (the
     * roll's fonts and the counter read Chinese, so an English session's roll stays Chinese).
     */
    static Receipt.Script script(Language language) {
        return language == Language.ZH_TW ? Receipt.Script.TRADITIONAL : Receipt.Script.SIMPLIFIED;
    }

    private static String valueOf(Journey journey, FormDefinition.FieldType type) {
        return journey.item().form().fields().stream().filter(f -> f.type() == type).findFirst()
                .map(f -> journey.values().getOrDefault(f.key(), "")).orElse("");
    }
}
