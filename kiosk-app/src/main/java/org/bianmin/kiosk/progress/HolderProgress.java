package org.bianmin.kiosk.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.sync.HolderStatus;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;

/**
 * What one card holder has applied for, as the progress screen lists it: the applications still waiting in this
 * kiosk's outbox first, then the portal's (live, or last known and marked so). {@code maskedId} says whose they are
 * without showing the number.
 *
 * @param learnedAt when the portal's part was learned (null unless {@link Source#LAST_KNOWN})
 */
public record HolderProgress(String maskedId, Source source, Instant learnedAt, List<Line> lines) {

    /** Where the portal's part of the list comes from. */
    public enum Source { LIVE, LAST_KNOWN, UNAVAILABLE }

    /** One application; {@code state} is empty for one still waiting here to be sent. */
    public record Line(String receiptNumber, Content itemName, Optional<SubmissionState> state) {}

    public HolderProgress {
        lines = List.copyOf(lines);
    }

    /** Joins the two sources; an entry the portal already has (its answer was lost) is listed once, as the portal's. */
    public static HolderProgress of(String maskedId, HolderStatus portal, List<OutboxEntry> queuedHere,
                                    Function<String, Content> itemNames) {
        List<SubmissionStatus> known = switch (portal) {
            case HolderStatus.Live l -> l.applications();
            case HolderStatus.LastKnown k -> k.applications();
            case HolderStatus.Unavailable u -> List.of();
        };
        Set<String> atPortal = known.stream().map(SubmissionStatus::receiptNumber).collect(Collectors.toSet());
        List<Line> lines = new ArrayList<>();
        queuedHere.stream().filter(e -> !atPortal.contains(e.receiptNumber()))
                .forEach(e -> lines.add(new Line(e.receiptNumber(), itemNames.apply(e.itemCode()), Optional.empty())));
        known.forEach(s -> lines.add(new Line(s.receiptNumber(), itemNames.apply(s.itemCode()),
                Optional.of(s.state()))));
        return switch (portal) {
            case HolderStatus.Live l -> new HolderProgress(maskedId, Source.LIVE, null, lines);
            case HolderStatus.LastKnown k -> new HolderProgress(maskedId, Source.LAST_KNOWN, k.learnedAt(), lines);
            case HolderStatus.Unavailable u -> new HolderProgress(maskedId, Source.UNAVAILABLE, null, lines);
        };
    }
}
