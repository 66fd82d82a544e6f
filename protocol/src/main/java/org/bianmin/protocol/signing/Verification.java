package org.bianmin.protocol.signing;

/** The outcome of checking a detached catalogue signature against the trusted keys. */
public sealed interface Verification {

    record Valid(String keyId) implements Verification {}

    /** Signed by a key that is not (or no longer) trusted. */
    record UnknownKey(String keyId) implements Verification {}

    /** The signature does not match the bytes: tampered, truncated, or signed over something else. */
    record BadSignature(String keyId) implements Verification {}

    /** The signature file itself is unusable (wrong algorithm, not base64, missing fields). */
    record Malformed(String reason) implements Verification {}
}
