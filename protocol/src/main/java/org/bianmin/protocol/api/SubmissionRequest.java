package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A citizen's application made at a kiosk. {@code receiptNumber} was issued offline by the kiosk and is unique;
 * {@code fields} holds the form values (personal data: the portal stores them, never logs them).
 * {@code holderKey} (optional) is the applicant's {@link HolderKey keyed hash}: what a kiosk later finds the
 * application by when the applicant places their ID card.
 */
public record SubmissionRequest(String receiptNumber, String kioskId, String itemCode, long catalogueVersion,
                                OffsetDateTime submittedAt, Map<String, String> fields, String holderKey) {

    /**
     * The kiosk's offline receipt numbers: letters, digits, hyphens and check digits, or a check character that may
     * be '*' in numbers issued before ({@link ReceiptNumbers}). Only the shape: the portal also stores numbers made
     * by other clients.
     */
    private static final Pattern RECEIPT = Pattern.compile("^[A-Z0-9-]{5,39}[A-Z0-9*]$");

    public SubmissionRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Field-level problems, empty when the request is well formed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (receiptNumber == null || !RECEIPT.matcher(receiptNumber).matches()) {
            problems.add("receiptNumber: 6-40 characters A-Z, 0-9 or '-' (a final '*' allowed) required");
        }
        if (kioskId == null || kioskId.isBlank()) {
            problems.add("kioskId: required");
        }
        if (itemCode == null || itemCode.isBlank()) {
            problems.add("itemCode: required");
        }
        if (catalogueVersion < 1) {
            problems.add("catalogueVersion: must be positive");
        }
        if (submittedAt == null) {
            problems.add("submittedAt: required");
        }
        if (holderKey != null && !HolderKey.validHash(holderKey)) {
            problems.add("holderKey: 64 lower-case hex digits");
        }
        return problems;
    }

    public static boolean validReceiptNumber(String receiptNumber) {
        return receiptNumber != null && RECEIPT.matcher(receiptNumber).matches();
    }
}
