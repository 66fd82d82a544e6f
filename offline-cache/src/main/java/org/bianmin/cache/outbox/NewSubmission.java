package org.bianmin.cache.outbox;

/**
 * A submission to enqueue. {@code personalPayload} (form values, rating comment: the caller's JSON) is stored
 * only encrypted; {@code itemCode} is not personal and stays readable for operators.
 */
public record NewSubmission(SubmissionKind kind, String itemCode, byte[] personalPayload) {}
