package org.bianmin.protocol.api;

import java.util.Set;

/** Where a submission stands at the portal: received → accepted → in review → completed / rejected. */
public enum SubmissionState {
    RECEIVED, ACCEPTED, IN_REVIEW, COMPLETED, REJECTED;

    public boolean terminal() {
        return this == COMPLETED || this == REJECTED;
    }

    /** The states an operator may move a submission to from this one; 即办 items may be decided at once. */
    public Set<SubmissionState> next(boolean immediate) {
        return switch (this) {
            case RECEIVED -> immediate ? Set.of(ACCEPTED, COMPLETED, REJECTED) : Set.of(ACCEPTED, REJECTED);
            case ACCEPTED -> immediate ? Set.of(IN_REVIEW, COMPLETED, REJECTED) : Set.of(IN_REVIEW, REJECTED);
            case IN_REVIEW -> Set.of(COMPLETED, REJECTED);
            case COMPLETED, REJECTED -> Set.of();
        };
    }
}
