package org.bianmin.protocol.api;

/**
 * A kiosk asks for the applications of the citizen whose card is on its reader, by their {@link HolderKey} hash
 * (in the body, never a URL). The answer is their {@link SubmissionStatus}es, newest first.
 */
public record HolderLookupRequest(String kioskId, String holderKey) {}
