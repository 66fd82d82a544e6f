package org.bianmin.kiosk.journey;

import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.cache.sync.SubmissionPayloads;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.Background;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.RatingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 好差评: five levels; for 不满意 and 非常不满意 the citizen picks reasons and may comment. Queued through the
 * outbox like an application, tied to the receipt number and the item code. Skippable; no prompting.
 */
public final class RatingViewModel implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(RatingViewModel.class);

    /** The national five levels (GB/T 39734-2020), best first. */
    public enum Level {
        VERY_SATISFIED(5), SATISFIED(4), BASICALLY_SATISFIED(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

        public final int score;

        Level(int score) {
            this.score = score;
        }

        /** 差评: the office must follow up, so reasons are asked. */
        public boolean poor() {
            return RatingRequest.poor(score);
        }
    }

    private final JourneyContext context;
    private final Journey journey;
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<RatingReason> reasons = FXCollections.observableSet();
    private final StringProperty comment = new SimpleStringProperty("");

    public RatingViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
        context.session().onEnd(() -> comment.set(""));
    }

    /** Pinyin input for the comment. */
    public java.util.Optional<org.bianmin.kiosk.ime.PinyinIme> ime() {
        return java.util.Optional.of(context.ime());
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public void choose(Level chosen) {
        level.set(chosen);
        if (!chosen.poor()) {
            reasons.clear();
            comment.set("");
        }
    }

    public ObservableSet<RatingReason> reasons() {
        return reasons;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /** A poor rating needs at least one reason; any other can be sent as soon as it is chosen. */
    public boolean canSubmit() {
        return level.get() != null && (!level.get().poor() || !reasons.isEmpty());
    }

    public void submit() {
        if (!canSubmit()) {
            return;
        }
        // A rating of this visit's application reaches the portal only after that application (which may still
        // be waiting in the outbox); other entries do not wait for either.
        NewSubmission rating = new NewSubmission(SubmissionKind.RATING, journey.item().code(), payload(),
                journey.accepted().map(a -> OptionalLong.of(a.id())).orElse(OptionalLong.empty()));
        int score = level.get().score;
        // The citizen has gone (the session ends now): a rating that cannot be stored is only logged.
        Background.run(context.storage(), context.ui(), () -> context.outbox().enqueue(rating),
                stored -> context.audit("rating.stored", Outcome.SUCCESS, journey.item().code() + " score " + score),
                e -> LOG.error("rating for item {} not stored", journey.item().code(), e));
        context.session().end("rating.thanks");
    }

    public void skip() {
        context.session().end();
    }

    /** Reasons as protocol codes (the office reads them in its own language); the comment as typed. */
    private byte[] payload() {
        String text = comment.get().strip();
        return SubmissionPayloads.write(new SubmissionPayloads.Rating(level.get().score,
                reasons.stream().sorted().toList(), text.isEmpty() ? null : text,
                journey.accepted().map(a -> a.receiptNumber()).orElse(null)));
    }
}
