package org.bianmin.protocol.signing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An Ed25519 key as a JSON file: {@code publicKey} is base64 X.509 SubjectPublicKeyInfo, {@code privateKey}
 * base64 PKCS#8 and present only in the private file. {@code keyId} is derived from the public key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyFile(String keyId, String algorithm, String publicKey, String privateKey) {

    public KeyFile publicOnly() {
        return new KeyFile(keyId, algorithm, publicKey, null);
    }
}
