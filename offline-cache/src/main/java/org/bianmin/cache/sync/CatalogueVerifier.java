package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HexFormat;
import org.bianmin.cache.catalogue.ApplyResult;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueException;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.TrustedKeys;
import org.bianmin.protocol.signing.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate a catalogue passes before the kiosk serves it, whether it came from the portal or from a file an
 * operator imported: the detached signature verifies against a trusted key, the body passes the schema and semantic
 * checks, the signed and the contained version agree, and the version is newer than the current one. Anything
 * else is refused and the current catalogue stays.
 */
public final class CatalogueVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueVerifier.class);

    private final TrustedKeys trustedKeys;
    private final CatalogueStore store;
    private final CatalogueReader reader = new CatalogueReader();
    private final ObjectMapper json = CatalogueReader.mapper();

    public CatalogueVerifier(TrustedKeys trustedKeys, CatalogueStore store) {
        this.trustedKeys = trustedKeys;
        this.store = store;
    }

    /** {@code source} names where the bytes came from, for validation messages ("portal catalogue", a file name). */
    public CatalogueCheck verifyAndApply(byte[] body, byte[] signatureFile, String source) {
        CatalogueSignatureFile signature;
        try {
            signature = json.readValue(signatureFile, CatalogueSignatureFile.class);
        } catch (IOException e) {
            return refuse(CatalogueCheck.Refusal.UNSIGNED, "signature file is not a valid signature document");
        }
        CatalogueCheck.Refused bad = switch (trustedKeys.verify(body, signature)) {
            case Verification.Valid v -> null;
            case Verification.UnknownKey u -> refuse(CatalogueCheck.Refusal.UNTRUSTED_KEY,
                    "signed by key " + u.keyId() + ", which this kiosk does not trust");
            case Verification.BadSignature b -> refuse(CatalogueCheck.Refusal.TAMPERED, "signature by key "
                    + b.keyId() + " does not match the catalogue (tampered or truncated; body sha256 "
                    + HexFormat.of().formatHex(Ed25519Keys.sha256(body), 0, 8) + "…)");
            case Verification.Malformed m -> refuse(CatalogueCheck.Refusal.UNSIGNED,
                    "unusable signature: " + m.reason());
        };
        if (bad != null) {
            return bad;
        }
        Catalogue catalogue;
        try {
            catalogue = reader.parse(body, source);
        } catch (CatalogueException e) {
            return refuse(CatalogueCheck.Refusal.INVALID, "signed catalogue fails validation: "
                    + String.join("; ", e.problems().stream().limit(3).toList())
                    + (e.problems().size() > 3 ? " (+" + (e.problems().size() - 3) + " more)" : ""));
        }
        if (catalogue.version() != signature.version()) {
            return refuse(CatalogueCheck.Refusal.VERSION_MISMATCH, "signature is for version " + signature.version()
                    + ", body is version " + catalogue.version());
        }
        ApplyResult applied = store.apply(catalogue, new CatalogueSignature(signature.keyId(), signature.signature()));
        return switch (applied) {
            case ApplyResult.Applied a -> {
                LOG.info("catalogue version {} from {} applied (key {}); previous {}", a.version(), source,
                        signature.keyId(), a.previous());
                yield new CatalogueCheck.Applied(a.version(), a.previous());
            }
            case ApplyResult.AlreadyCurrent c -> new CatalogueCheck.Unchanged(c.version());
            case ApplyResult.OlderThanCurrent o -> refuse(CatalogueCheck.Refusal.OLDER,
                    "version " + o.offered() + " is older than the current version " + o.current());
            case ApplyResult.RolledBackEarlier r -> refuse(CatalogueCheck.Refusal.ROLLED_BACK,
                    "version " + r.version() + " was rolled back on this kiosk; waiting for a newer one");
        };
    }

    private CatalogueCheck.Refused refuse(CatalogueCheck.Refusal kind, String reason) {
        LOG.warn("catalogue refused, current version {} kept: {}", store.current().map(s -> s.version()).orElse(0L),
                reason);
        return new CatalogueCheck.Refused(kind, reason);
    }
}
