package org.bianmin.kiosk.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.devices.ScanTarget;
import org.bianmin.kiosk.journey.IdentifyViewModel;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.Background;

/**
 * 查询办理进度: the citizen types (or scans) a receipt number, or places their ID card; the answer comes from the
 * portal when it is reachable, otherwise the last status the kiosk heard, clearly marked as such — and by card,
 * also the applications still waiting at this kiosk. The reader is polled only while this screen shows.
 */
public final class ProgressViewModel implements Screen, ScanTarget {

    /** How long one read waits before it simply starts again. */
    static final Duration READ_WINDOW = Duration.ofSeconds(20);
    /** How long the screen waits for the card to be taken away before it reads again. */
    static final Duration REMOVAL_WAIT = Duration.ofSeconds(60);

    /** {@link ReceiptStatus.Unknown#why()} for an application still waiting in this kiosk's outbox. */
    public static final String QUEUED_HERE = "queued at this kiosk";

    private final Function<String, ReceiptStatus> lookup;
    private final Optional<CardLookup> byCard;
    private final Executor background;
    private final Executor ui;
    private final StringProperty receiptNumber = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ReceiptStatus> answer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HolderProgress> holderAnswer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cardError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> busy = new ReadOnlyObjectWrapper<>(false);
    private Future<?> reading;
    private boolean active;
    /** How many cards read here have left the reader: an answer for one that has left is dropped. */
    private int cardsGone;

    /** @param byCard empty when this kiosk has no ID-card reader */
    public ProgressViewModel(Function<String, ReceiptStatus> lookup, Optional<CardLookup> byCard,
                             Executor background, Executor ui) {
        this.lookup = lookup;
        this.byCard = byCard;
        this.background = background;
        this.ui = ui;
    }

    public boolean cardOffered() {
        return byCard.isPresent();
    }

    @Override
    public void enter() {
        active = true;
        byCard.ifPresent(c -> poll());
    }

    @Override
    public void leave() {
        active = false;
        byCard.ifPresent(c -> {
            c.reader().cancel();
            if (reading != null) {
                reading.cancel(false);
            }
            // A card read here is not read for whoever opens this screen next, and is asked for everywhere.
            c.afterwards().visitOver();
        });
    }

    /** The holder's applications after a card was read, or null. */
    public ReadOnlyObjectProperty<HolderProgress> holderAnswerProperty() {
        return holderAnswer.getReadOnlyProperty();
    }

    /** The message key of a failed card read, or empty. */
    public ReadOnlyStringProperty cardErrorProperty() {
        return cardError.getReadOnlyProperty();
    }

    /** After a failed read: read again. */
    public void retryCard() {
        if (active && (reading == null || reading.isDone())) {
            cardError.set("");
            poll();
        }
    }

    private void poll() {
        CardLookup c = byCard.orElseThrow();
        reading = Background.submit(c.devices(), ui, () -> c.reader().read(READ_WINDOW), this::read,
                e -> read(IdentifyViewModel.readerFailed(e)));
    }

    void read(ReadResult result) {
        if (!active) {
            if (result instanceof ReadResult.CardRead r) {
                r.card().clear();
            }
            return;
        }
        switch (result) {
            case ReadResult.NoCard n -> poll();
            case ReadResult.Failed f -> {
                if (f.kind() != ReadResult.Kind.CANCELLED) {
                    cardError.set(IdentifyViewModel.messageKey(f));
                }
            }
            case ReadResult.CardRead r -> {
                String idNumber = r.card().idNumber();
                r.card().clear();
                cardError.set("");
                lookUpHolder(idNumber);
                awaitRemoval();
            }
        }
    }

    /**
     * The card stays on the reader while the citizen reads: the next read waits until it has left, and when it
     * has, the holder's applications go with it (the next person at this screen sees none of them).
     */
    private void awaitRemoval() {
        CardLookup c = byCard.orElseThrow();
        reading = Background.submit(c.devices(), ui, () -> c.reader().awaitRemoval(REMOVAL_WAIT), removal -> {
            if (!active || removal == IdCardReader.Removal.CANCELLED) {
                return;
            }
            if (removal == IdCardReader.Removal.STILL_PRESENT) {
                awaitRemoval();
                return;
            }
            cardsGone++;
            holderAnswer.set(null);
            poll();
        }, e -> read(IdentifyViewModel.readerFailed(e)));
    }

    private void lookUpHolder(String idNumber) {
        busy.set(true);
        problem.set("");
        int card = cardsGone;
        Background.run(background, ui, () -> byCard.orElseThrow().lookup().apply(idNumber), progress -> {
            busy.set(false);
            // A late answer for a citizen who has left (and been wiped, or taken the card) is dropped.
            if (active && card == cardsGone) {
                answer.set(null);
                holderAnswer.set(progress);
            }
        }, this::failed);
    }

    public StringProperty receiptNumberProperty() {
        return receiptNumber;
    }

    /** The last answer, or null before the first lookup. */
    public ReadOnlyObjectProperty<ReceiptStatus> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The message key of a lookup that failed (neither an answer nor "not found"), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void failed(Exception e) {
        busy.set(false);
        if (active) {
            problem.set("progress.failed");
        }
    }

    public ReadOnlyObjectProperty<Boolean> busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A scanned receipt code is looked up at once; other scans are not for this screen. */
    @Override
    public boolean scanned(ScanResult result) {
        if (result instanceof ScanResult.Scanned(ScanPayload.ReceiptCode code, var charset)) {
            receiptNumber.set(code.receiptNumber());
            lookUp();
            return true;
        }
        return false;
    }

    public void lookUp() {
        String number = receiptNumber.get().strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        problem.set("");
        Background.run(background, ui, () -> lookup.apply(number), status -> {
            busy.set(false);
            if (active) {
                holderAnswer.set(null);
                answer.set(status);
            }
        }, this::failed);
    }

    /** At the session's end: forgets the receipt number and the answers (a holder's applications). */
    public void wipe() {
        receiptNumber.set("");
        answer.set(null);
        holderAnswer.set(null);
        cardError.set("");
        problem.set("");
    }
}
