package org.bianmin.protocol.api;

/** An operator moves a submission to {@code state}; {@code note} is shown to the citizen. */
public record AdvanceRequest(SubmissionState state, String note) {}
