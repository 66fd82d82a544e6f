package org.bianmin.cache.outbox;

import java.util.OptionalLong;

/**
 * A submission to enqueue. {@code personalPayload} (form values, rating comment: the caller's JSON) is stored
 * only encrypted; {@code itemCode} is not personal and stays readable for operators. {@code after}: the outbox
 * id of an entry that must reach the portal first (a rating waits for the application it rates); other entries
 * do not wait for each other.
 */
public record NewSubmission(SubmissionKind kind, String itemCode, byte[] personalPayload, OptionalLong after) {

    /** A submission that depends on no other entry. */
    public NewSubmission(SubmissionKind kind, String itemCode, byte[] personalPayload) {
        this(kind, itemCode, personalPayload, OptionalLong.empty());
    }
}
