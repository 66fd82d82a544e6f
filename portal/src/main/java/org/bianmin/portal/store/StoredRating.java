package org.bianmin.portal.store;

import java.time.OffsetDateTime;
import java.util.List;
import org.bianmin.protocol.api.RatingReason;

/** A rating as the portal keeps it, for the office that follows up 差评. */
public record StoredRating(long id, String kioskId, String itemCode, String receiptNumber, int score,
                           List<RatingReason> reasons, String comment, OffsetDateTime ratedAt) {}
