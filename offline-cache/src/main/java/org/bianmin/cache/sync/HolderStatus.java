package org.bianmin.cache.sync;

import java.time.Instant;
import java.util.List;
import org.bianmin.protocol.api.SubmissionStatus;

/** The answer to "what has the holder of this card applied for?" from the portal, newest first. */
public sealed interface HolderStatus {

    /** Just now from the portal. */
    record Live(List<SubmissionStatus> applications) implements HolderStatus {}

    /** The portal could not be asked; this is what it said at {@code learnedAt} — show it marked as such. */
    record LastKnown(List<SubmissionStatus> applications, Instant learnedAt, String why) implements HolderStatus {}

    /** The portal could not be asked and nothing was heard for this holder before. */
    record Unavailable(String why) implements HolderStatus {}
}
