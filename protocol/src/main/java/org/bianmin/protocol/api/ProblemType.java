package org.bianmin.protocol.api;

/** The problem types the portal answers with; the URI is stable, the title is for humans. */
public enum ProblemType {
    BAD_REQUEST(400, "The request body or a header is malformed"),
    VALIDATION(422, "The request failed validation"),
    MISSING_IDEMPOTENCY_KEY(400, "Idempotency-Key header required"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key already used for a different request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this credential"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflicts with the current state"),
    CATALOGUE_NOT_NEWER(409, "The published catalogue version must be newer than the current one"),
    SIGNATURE_INVALID(422, "The catalogue signature does not verify against a trusted key"),
    EID_INVALID(422, "The e-ID code is not one the platform issued"),
    EID_EXPIRED(410, "The e-ID code has expired"),
    EID_USED(409, "The e-ID code has already been used"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    RATE_LIMITED(429, "Too many requests"),
    UNAVAILABLE(503, "Temporarily unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:bianmin:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
