package org.bianmin.protocol.api;

/**
 * {@code catalogue.json.sig}: the detached Ed25519 signature over the exact bytes of {@code catalogue.json}.
 * {@code version} and {@code sha256} (hex of the signed bytes) let a client notice a sig/body pair fetched
 * across a publish; they are informational, the signature alone decides.
 */
public record CatalogueSignatureFile(String keyId, String algorithm, String signature, long version, String sha256) {

    public static final String ED25519 = "Ed25519";
}
