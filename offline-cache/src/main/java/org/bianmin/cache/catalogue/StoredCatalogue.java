package org.bianmin.cache.catalogue;

import java.time.Instant;
import org.bianmin.protocol.catalogue.Catalogue;

/** The catalogue version the kiosk serves, with its signature and when this kiosk applied it. */
public record StoredCatalogue(Catalogue catalogue, CatalogueSignature signature, Instant appliedAt) {

    public long version() {
        return catalogue.version();
    }
}
