package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A 好差评 rating (1 very dissatisfied … 5 very satisfied), optionally tied to a receipt. */
public record RatingRequest(String kioskId, String itemCode, String receiptNumber, int score, String comment,
                            OffsetDateTime ratedAt) {

    public static final int MAX_COMMENT = 500;

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
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add("comment: at most " + MAX_COMMENT + " characters");
        }
        if (ratedAt == null) {
            problems.add("ratedAt: required");
        }
        return problems;
    }
}
