package org.bianmin.kiosk.operator;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.sync.CatalogueCheck;
import org.bianmin.cache.sync.CatalogueVerifier;
import org.bianmin.protocol.json.BoundedJson;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
import org.bianmin.protocol.signing.TrustedKeys;

/**
 * A signed catalogue from a file, for kiosks without network: {@code catalogue.json} with its detached signature
 * {@code catalogue.json.sig} beside it (what {@code kioskctl catalogue sign} writes), put through the same
 * {@link CatalogueVerifier} as a catalogue from the portal.
 */
public final class CatalogueImport {

    public static final String SIGNATURE_SUFFIX = ".sig";
    /** A signature file is a few hundred bytes; a stick may hold anything under that name. */
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    private final CatalogueStore store;
    private final Supplier<List<KeyFile>> trustedKeys;

    /** @param trustedKeys the keys to verify with, asked at each import (config.json may have changed) */
    public CatalogueImport(CatalogueStore store, Supplier<List<KeyFile>> trustedKeys) {
        this.store = store;
        this.trustedKeys = trustedKeys;
    }

    /** Which files the chooser offers: catalogue JSON files (not keys, not signatures). */
    public static boolean offered(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith(".pub.json") && !name.endsWith(".key.json");
    }

    /** Verifies and applies; blocks on file and database: call off the FX thread. */
    public CatalogueCheck importFile(Path file) {
        Path signatureFile = file.resolveSibling(file.getFileName() + SIGNATURE_SUFFIX);
        byte[] body;
        byte[] signature;
        try {
            body = BoundedJson.readFile(file, BoundedJson.MAX_DOCUMENT_BYTES);
        } catch (IOException e) {
            return new CatalogueCheck.Unreachable("cannot read " + file + ": " + e.getMessage());
        }
        try {
            signature = BoundedJson.readFile(signatureFile, MAX_SIGNATURE_BYTES);
        } catch (NoSuchFileException e) {
            return new CatalogueCheck.Refused(CatalogueCheck.Refusal.UNSIGNED,
                    "no signature file " + signatureFile.getFileName() + " beside it");
        } catch (IOException e) {
            return new CatalogueCheck.Unreachable("cannot read " + signatureFile + ": " + e.getMessage());
        }
        TrustedKeys keys;
        try {
            keys = TrustedKeys.of(trustedKeys.get());
        } catch (SigningException e) {
            return new CatalogueCheck.Refused(CatalogueCheck.Refusal.UNTRUSTED_KEY,
                    "the kiosk's trusted keys are unusable: " + e.getMessage());
        }
        return new CatalogueVerifier(keys, store).verifyAndApply(body, signature, file.getFileName().toString());
    }
}
