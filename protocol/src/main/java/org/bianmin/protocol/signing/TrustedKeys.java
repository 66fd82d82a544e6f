package org.bianmin.protocol.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bianmin.protocol.api.CatalogueSignatureFile;

/** The public keys whose catalogue signatures are accepted; nothing else is trusted. Immutable. */
public final class TrustedKeys {

    private final Map<String, PublicKey> keys;

    private TrustedKeys(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static TrustedKeys of(Iterable<KeyFile> files) throws SigningException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (KeyFile file : files) {
            PublicKey key = Ed25519Keys.publicKey(file); // first: it refuses a null entry before its id is used
            keys.put(file.keyId(), key);
        }
        return new TrustedKeys(keys);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public Verification verify(byte[] body, CatalogueSignatureFile sig) {
        if (sig == null || sig.keyId() == null || sig.signature() == null) {
            return new Verification.Malformed("signature file lacks keyId or signature");
        }
        if (!CatalogueSignatureFile.ED25519.equals(sig.algorithm())) {
            return new Verification.Malformed("algorithm " + sig.algorithm() + ", Ed25519 expected");
        }
        PublicKey key = keys.get(sig.keyId());
        if (key == null) {
            return new Verification.UnknownKey(sig.keyId());
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sig.signature());
        } catch (IllegalArgumentException e) {
            return new Verification.Malformed("signature is not base64");
        }
        try {
            Signature verifier = Signature.getInstance(CatalogueSignatureFile.ED25519);
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(raw) ? new Verification.Valid(sig.keyId()) : new Verification.BadSignature(sig.keyId());
        } catch (GeneralSecurityException e) {
            return new Verification.BadSignature(sig.keyId());
        }
    }
}
