package org.bianmin.kiosk.journey;

import java.util.LinkedHashMap;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.cache.sync.SubmissionPayloads;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.Background;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review and submit: shows what will be sent (masked), then stores the application durably in the outbox — one
 * transaction, encrypted — before saying anything to the citizen. The sync engine delivers it when it can.
 */
public final class ReviewViewModel implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

    /** A field and its value as shown (ID number and phone masked); words are translated by {@link FieldWords}. */
    public record Line(FormDefinition.Field field, String value) {}

    private final JourneyContext context;
    private final Journey journey;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ReviewViewModel(JourneyContext context, Journey journey) {
        if (!journey.consented()) {
            throw new IllegalStateException("review before consent");
        }
        this.context = context;
        this.journey = journey;
    }

    public Journey journey() {
        return journey;
    }

    public List<Line> lines() {
        return journey.item().form().fields().stream()
                .map(f -> {
                    String value = journey.values().getOrDefault(f.key(), "");
                    return new Line(f, masked(f, value));
                })
                .toList();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The message key of a failed submit, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void submit() {
        // Consent is checked where the data leaves, not only by the order of screens: a journey wiped under this
        // screen (the session ended) has lost its consent and sends nothing.
        if (busy.get() || journey.accepted().isPresent() || !journey.consented()) {
            return;
        }
        busy.set(true);
        error.set("");
        byte[] payload = payload();
        NewSubmission submission = new NewSubmission(SubmissionKind.APPLICATION, journey.item().code(), payload);
        Background.run(context.storage(), context.ui(), () -> {
            try {
                // Stored durably: from here on the citizen gets a receipt whatever the network does.
                return context.outbox().enqueue(submission);
            } finally {
                java.util.Arrays.fill(payload, (byte) 0);
            }
        }, accepted -> context.delivery().deliverAndCheck(accepted.receiptNumber())
                // Never fails: a portal that does not confirm in time leaves the entry queued (an empty status).
                .thenAccept(status -> context.ui().execute(() -> stored(accepted, status))), e -> {
            LOG.error("could not store application for item {}", journey.item().code(), e);
            context.audit("application.stored", Outcome.FAILURE, journey.item().code());
            busy.set(false);
            error.set("review.error.storage");
        });
    }

    private void stored(Accepted accepted, java.util.Optional<org.bianmin.protocol.api.SubmissionStatus> status) {
        busy.set(false);
        journey.accepted(accepted);
        status.ifPresent(journey::portalStatus);
        context.audit("application.stored", Outcome.SUCCESS, journey.item().code() + " " + accepted.receiptNumber()
                + status.map(s -> " portal " + s.state()).orElse(" queued"));
        LOG.info("application {} stored for item {}", accepted.receiptNumber(), journey.item().code());
        context.navigator().showWithoutReturn(new ReceiptViewModel(context, journey));
        context.session().applicationFinished();
    }

    private byte[] payload() {
        return SubmissionPayloads.write(new SubmissionPayloads.Application(context.catalogueVersion(),
                new LinkedHashMap<>(journey.values()), journey.card().map(c -> c.idNumber()).orElse(null)));
    }

    static String masked(FormDefinition.Field field, String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (field.type()) {
            case ID_NUMBER -> IdNumbers.mask(value);
            case PHONE -> value.length() == 11 ? value.substring(0, 3) + "****" + value.substring(7) : "****";
            default -> value;
        };
    }
}
