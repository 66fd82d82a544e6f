package org.bianmin.cache.outbox;

/** What a citizen handed in at the kiosk. */
public enum SubmissionKind {
    /** An application for a service item, with its form values. */
    APPLICATION,
    /** A 好差评 rating of a finished case. */
    RATING
}
