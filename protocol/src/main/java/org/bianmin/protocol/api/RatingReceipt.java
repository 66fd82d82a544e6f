package org.bianmin.protocol.api;

import java.time.OffsetDateTime;

/** The portal's answer to a stored rating. */
public record RatingReceipt(long ratingId, OffsetDateTime receivedAt) {}
