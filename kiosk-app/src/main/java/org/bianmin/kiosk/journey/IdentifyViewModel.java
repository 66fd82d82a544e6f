package org.bianmin.kiosk.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Future;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.sync.EidCheck;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.devices.ScanTarget;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.Background;
import org.bianmin.protocol.catalogue.FormDefinition;

/**
 * "Please place your ID card": polls the reader off the FX thread while the screen is shown, and turns every
 * outcome into its own clear message with a retry: unreadable, removed mid-read, expired, wrong card type, reader
 * out of service. A scanned e-ID code is verified by the portal instead and yields the same identity; while that is
 * impossible (offline) the screen says so and the reader keeps waiting for the card.
 */
public final class IdentifyViewModel implements Screen, ScanTarget {

    /** How long one read waits before it simply starts again; the citizen sees no difference. */
    static final Duration READ_WINDOW = Duration.ofSeconds(20);

    /** What the screen shows. */
    public sealed interface State {
        /** Waiting for a card (guidance shown). */
        record Waiting() implements State {}

        /** An e-ID code is being verified by the portal. */
        record Verifying() implements State {}

        /** Something went wrong; {@code messageKey} names the explanation, the citizen can retry. */
        record Failed(String messageKey) implements State {}
    }

    private final JourneyContext context;
    private final Journey journey;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(new State.Waiting());
    private Future<?> reading;
    private boolean active;

    public IdentifyViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
    }

    public Journey journey() {
        return journey;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether the citizen may scan an e-ID code instead of placing the card. */
    public boolean eidOffered() {
        return context.eid().offered();
    }

    /** The card types this item accepts, for the guidance text. */
    public java.util.List<FormDefinition.CardKind> acceptedCards() {
        return journey.item().form().acceptedCards();
    }

    @Override
    public void enter() {
        active = true;
        startReading();
    }

    @Override
    public void leave() {
        active = false;
        context.reader().cancel();
        if (reading != null) {
            reading.cancel(false);
        }
    }

    /** After a failure: try again (the reader may still be waiting after a refused e-ID code). */
    public void retry() {
        if (active) {
            state.set(new State.Waiting());
            keepReading();
        }
    }

    /** An e-ID code is taken here; other scans are not for this screen. */
    @Override
    public boolean scanned(ScanResult result) {
        if (result instanceof ScanResult.Scanned(ScanPayload.EidToken token, var charset)) {
            eidScanned(token.text());
            return true;
        }
        return false;
    }

    /**
     * A scanned e-ID code: the portal says whose it is. The reader keeps polling meanwhile, so a card placed now
     * still works; a second scan while one is being verified is ignored.
     */
    public void eidScanned(String token) {
        if (!active || state.get() instanceof State.Verifying) {
            return;
        }
        state.set(new State.Verifying());
        Background.run(context.storage(), context.ui(), () -> context.eid().verify().apply(token), this::verified,
                e -> verified(new EidCheck.Unavailable(e.toString())));
    }

    private void verified(EidCheck check) {
        if (!active || !(state.get() instanceof State.Verifying)) {
            return; // the citizen left, or a card was read meanwhile
        }
        keepReading(); // whatever the code was, the card is the way on if it fails
        switch (check) {
            case EidCheck.Verified v -> accept(EidCards.card(v.identity()), Journey.Proof.EID);
            case EidCheck.Refused r -> {
                state.set(new State.Failed(r.reason() == EidCheck.Reason.INVALID
                        ? "identify.error.eidInvalid" : "identify.error.eidExpired"));
                context.audit("identity.eid", Outcome.DENIED, r.reason().name());
            }
            case EidCheck.Unavailable u -> {
                state.set(new State.Failed("identify.error.eidOffline"));
                context.audit("identity.eid", Outcome.FAILURE, "portal unavailable");
            }
        }
    }

    private void startReading() {
        state.set(new State.Waiting());
        poll();
    }

    /** Polls again unless a read is already waiting for the card. */
    private void keepReading() {
        if (reading == null || reading.isDone()) {
            poll();
        }
    }

    /** One read window; an empty one simply starts the next, without touching what the screen shows. */
    private void poll() {
        reading = Background.submit(context.devices(), context.ui(), () -> context.reader().read(READ_WINDOW),
                this::handle, e -> handle(readerFailed(e)));
    }

    void handle(ReadResult result) {
        if (!active) {
            if (result instanceof ReadResult.CardRead read) {
                read.card().clear();
            }
            return;
        }
        switch (result) {
            case ReadResult.NoCard noCard -> poll();
            case ReadResult.Failed failed -> {
                if (failed.kind() != ReadResult.Kind.CANCELLED) {
                    state.set(new State.Failed(messageKey(failed)));
                }
            }
            case ReadResult.CardRead read -> accept(read.card(), Journey.Proof.CARD);
        }
    }

    /** A read that threw instead of answering: to the citizen, a reader out of order (staff find it in the log). */
    public static ReadResult.Failed readerFailed(Exception e) {
        return new ReadResult.Failed(ReadResult.Kind.HARDWARE, "exception", e.getClass().getSimpleName());
    }

    /**
     * What a failed read tells the citizen: a card pulled away is laid down again, an unreadable card (or a garbled
     * reply, which looks the same from here) is tried again or taken to a counter, a broken reader is for the staff.
     */
    public static String messageKey(ReadResult.Failed failed) {
        return switch (failed.kind()) {
            case CARD_REMOVED -> "identify.error.removed";
            case CARD, PROTOCOL -> "identify.error.unreadable";
            case PORT, HARDWARE, CANCELLED -> "identify.error.reader";
        };
    }

    private void accept(IdentityCard card, Journey.Proof proof) {
        String event = proof == Journey.Proof.CARD ? "identity.read" : "identity.eid";
        String problem = problem(card);
        if (problem != null) {
            card.clear();
            state.set(new State.Failed(problem));
            context.audit(event, Outcome.DENIED, card.cardType() + " " + problem);
            return;
        }
        context.audit(event, Outcome.SUCCESS, card.cardType().name());
        journey.identify(card, proof);
        context.navigator().show(new FormViewModel(context, journey));
    }

    private String problem(IdentityCard card) {
        if (card.idNumberCheck() == IdNumbers.Check.MISMATCH) {
            return "identify.error.unreadable";
        }
        LocalDate today = LocalDate.now(context.clock());
        if (card.validUntil().filter(until -> until.isBefore(today)).isPresent()) {
            return "identify.error.expired";
        }
        if (!acceptedCards().contains(FormDefinition.CardKind.valueOf(card.cardType().name()))) {
            return "identify.error.wrongType";
        }
        return null;
    }
}
