package org.bianmin.kiosk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueException;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.SigningException;

/** Validate-then-sign, shared by {@code catalogue sign} and {@code catalogue publish}. */
final class CatalogueSigning {

    /** The exact file bytes (what the signature covers), the parsed catalogue and the detached signature. */
    record Signed(byte[] body, Catalogue catalogue, CatalogueSignatureFile signature) {}

    private CatalogueSigning() {}

    /** Reads, validates and signs {@code file}; problems go to {@code err} and end in a {@link SigningException}. */
    static Signed sign(Path file, Path keyFile, PrintStream out) throws SigningException {
        byte[] body;
        try {
            body = BoundedJson.readFile(file, BoundedJson.MAX_DOCUMENT_BYTES);
        } catch (IOException e) {
            throw new SigningException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Catalogue catalogue;
        try {
            catalogue = new CatalogueReader().parse(body, file.toString());
        } catch (CatalogueException e) {
            throw new SigningException(e.getMessage(), e);
        }
        out.printf("      validated %s: version %d, %d items, %d bytes%n", file, catalogue.version(),
                catalogue.items().size(), body.length);
        CatalogueSignatureFile signature = new CatalogueSigner(Ed25519Keys.read(keyFile)).sign(body, catalogue.version());
        out.printf("      signed with key %s (Ed25519)%n", signature.keyId());
        return new Signed(body, catalogue, signature);
    }
}
