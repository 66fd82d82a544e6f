package org.bianmin.kiosk.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Future;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.FormDefinition;

/**
 * "Please place your ID card": polls the reader off the FX thread while the screen is shown, and turns every
 * outcome into a clear message with a retry: unreadable, removed mid-read, expired, wrong card type, reader out
 * of service.
 */
public final class IdentifyViewModel implements Screen {

    /** How long one read waits before it simply starts again; the citizen sees no difference. */
    static final Duration READ_WINDOW = Duration.ofSeconds(20);

    /** What the screen shows. */
    public sealed interface State {
        /** Waiting for a card (guidance shown). */
        record Waiting() implements State {}

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

    /** After a failure: try again. */
    public void retry() {
        if (active) {
            startReading();
        }
    }

    private void startReading() {
        state.set(new State.Waiting());
        reading = context.devices().submit(() -> {
            ReadResult result = context.reader().read(READ_WINDOW);
            context.ui().execute(() -> handle(result));
        });
    }

    void handle(ReadResult result) {
        if (!active) {
            if (result instanceof ReadResult.CardRead read) {
                read.card().clear();
            }
            return;
        }
        switch (result) {
            case ReadResult.NoCard noCard -> startReading();
            case ReadResult.Failed failed -> {
                if (failed.kind() != ReadResult.Kind.CANCELLED) {
                    state.set(new State.Failed(switch (failed.kind()) {
                        case CARD, PROTOCOL -> "identify.error.unreadable";
                        default -> "identify.error.reader";
                    }));
                }
            }
            case ReadResult.CardRead read -> accept(read.card());
        }
    }

    private void accept(IdentityCard card) {
        String problem = problem(card);
        if (problem != null) {
            card.clear();
            state.set(new State.Failed(problem));
            context.audit("identity.read", Outcome.DENIED, card.cardType() + " " + problem);
            return;
        }
        context.audit("identity.read", Outcome.SUCCESS, card.cardType().name());
        journey.identify(card);
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
