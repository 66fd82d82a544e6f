package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A 好差评 rating (1 very dissatisfied … 5 very satisfied), optionally tied to a receipt. {@code reasons} belong
 * to a 差评 only (score 1 or 2); kiosks ask for at least one, but the portal accepts none so that a rating queued
 * by an older kiosk is never lost.
 */
public record RatingRequest(String kioskId, String itemCode, String receiptNumber, int score,
                            List<RatingReason> reasons, String comment, OffsetDateTime ratedAt) {

    public static final int MAX_COMMENT = 500;

    public RatingRequest {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Score 1 and 2 are the 差评 the office must follow up. */
    public static boolean poor(int score) {
        return score <= 2;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kioskId == null || kioskId.isBlank()) {
            problems.add("kioskId: required");
        }
        if (itemCode == null || itemCode.isBlank()) {
            problems.add("itemCode: required");
        }
        if (receiptNumber != null && !SubmissionRequest.validReceiptNumber(receiptNumber)) {
            problems.add("receiptNumber: 6-40 characters A-Z, 0-9 or '-'");
        }
        if (score < 1 || score > 5) {
            problems.add("score: 1 to 5 required");
        }
        if (!reasons.isEmpty() && !poor(score)) {
            problems.add("reasons: only for a score of 1 or 2");
        }
        if (new HashSet<>(reasons).size() != reasons.size()) {
            problems.add("reasons: each reason at most once");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add("comment: at most " + MAX_COMMENT + " characters");
        }
        if (ratedAt == null) {
            problems.add("ratedAt: required");
        }
        return problems;
    }
}
