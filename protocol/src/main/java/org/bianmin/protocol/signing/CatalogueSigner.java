package org.bianmin.protocol.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.bianmin.protocol.api.CatalogueSignatureFile;

/** Signs catalogue bytes with an operator's Ed25519 key into a detached {@link CatalogueSignatureFile}. */
public final class CatalogueSigner {

    private final String keyId;
    private final PrivateKey key;

    public CatalogueSigner(KeyFile file) throws SigningException {
        this.keyId = file.keyId();
        this.key = Ed25519Keys.privateKey(file);
    }

    public CatalogueSignatureFile sign(byte[] catalogueJson, long version) {
        try {
            Signature signature = Signature.getInstance(CatalogueSignatureFile.ED25519);
            signature.initSign(key);
            signature.update(catalogueJson);
            return new CatalogueSignatureFile(keyId, CatalogueSignatureFile.ED25519,
                    Base64.getEncoder().encodeToString(signature.sign()), version,
                    HexFormat.of().formatHex(Ed25519Keys.sha256(catalogueJson)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
