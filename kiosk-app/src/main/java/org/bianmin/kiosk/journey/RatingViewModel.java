package org.bianmin.kiosk.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            return score <= 2;
        }
    }

    /** Reasons offered for a poor rating (the offline indicators: efficiency, service, attitude…). */
    public enum Reason { SLOW, UNCLEAR_GUIDANCE, TOO_MANY_MATERIALS, MACHINE_PROBLEM, ATTITUDE, OTHER }

    private final JourneyContext context;
    private final Journey journey;
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<Reason> reasons = FXCollections.observableSet();
    private final StringProperty comment = new SimpleStringProperty("");

    public RatingViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
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

    public ObservableSet<Reason> reasons() {
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
        NewSubmission rating = new NewSubmission(SubmissionKind.RATING, journey.item().code(), payload());
        int score = level.get().score;
        context.storage().execute(() -> {
            try {
                context.outbox().enqueue(rating);
                context.audit("rating.stored", Outcome.SUCCESS, journey.item().code() + " score " + score);
            } catch (RuntimeException e) {
                LOG.error("rating for item {} not stored", journey.item().code(), e);
            }
        });
        context.session().end();
    }

    public void skip() {
        context.session().end();
    }

    /** Reasons travel at the head of the comment ("原因：…"), the only free-text field the protocol has. */
    private byte[] payload() {
        List<String> parts = new ArrayList<>();
        if (!reasons.isEmpty()) {
            parts.add("原因：" + reasons.stream().map(RatingViewModel::label).sorted().reduce((a, b) -> a + "、" + b)
                    .orElse(""));
        }
        Optional.of(comment.get().strip()).filter(s -> !s.isEmpty()).ifPresent(parts::add);
        String text = parts.isEmpty() ? null : String.join("；", parts);
        return SubmissionPayloads.write(new SubmissionPayloads.Rating(level.get().score, text,
                journey.accepted().map(a -> a.receiptNumber()).orElse(null)));
    }

    /** The reason as the office reads it (Chinese, whatever language the citizen used). */
    static String label(Reason reason) {
        return switch (reason) {
            case SLOW -> "办理太慢";
            case UNCLEAR_GUIDANCE -> "指引不清楚";
            case TOO_MANY_MATERIALS -> "材料要求太多";
            case MACHINE_PROBLEM -> "设备有故障";
            case ATTITUDE -> "服务态度差";
            case OTHER -> "其他";
        };
    }
}
