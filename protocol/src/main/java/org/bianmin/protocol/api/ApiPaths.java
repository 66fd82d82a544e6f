package org.bianmin.protocol.api;

/** Paths, headers and media types of the portal protocol ({@code docs/portal-api.md}). */
public final class ApiPaths {

    /** The catalogue body as published, byte for byte what the signature covers. Static-file servable. */
    public static final String CATALOGUE = "/catalogue/catalogue.json";
    /** The detached signature of {@link #CATALOGUE}: a {@link CatalogueSignatureFile}. */
    public static final String CATALOGUE_SIGNATURE = "/catalogue/catalogue.json.sig";
    /** Server-sent events: {@code catalogue} events carrying a {@link CatalogueAnnouncement}. */
    public static final String EVENTS = "/api/v1/events";
    public static final String SUBMISSIONS = "/api/v1/submissions";
    /** The applications of one holder: {@link HolderLookupRequest} in, {@link SubmissionStatus} list out. */
    public static final String SUBMISSIONS_BY_HOLDER = "/api/v1/submissions/by-holder";
    /** The portal's {@link HolderKey}, for kiosks. */
    public static final String HOLDER_KEY = "/api/v1/holder-key";
    public static final String RATINGS = "/api/v1/ratings";
    public static final String HEARTBEATS = "/api/v1/heartbeats";
    /** A kiosk has a scanned e-ID code verified: {@link EidVerificationRequest} in, {@link EidIdentity} out. */
    public static final String EID_VERIFICATIONS = "/api/v1/eid/verifications";
    /** The reference portal only: an operator has a test e-ID code issued for an identity. */
    public static final String OPERATOR_EID_TEST_TOKENS = "/api/v1/operator/eid/test-tokens";
    public static final String OPERATOR_CATALOGUE = "/api/v1/operator/catalogue";
    public static final String OPERATOR_KIOSKS = "/api/v1/operator/kiosks";
    public static final String OPERATOR_SUBMISSIONS = "/api/v1/operator/submissions";

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String CATALOGUE_EVENT = "catalogue";

    private ApiPaths() {}

    public static String submission(String receiptNumber) {
        return SUBMISSIONS + "/" + receiptNumber;
    }
}
