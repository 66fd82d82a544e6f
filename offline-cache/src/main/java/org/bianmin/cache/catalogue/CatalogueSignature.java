package org.bianmin.cache.catalogue;

/**
 * The publisher's signature over a catalogue version and the id of the key that made it, stored as received.
 * Verifying it is the sync engine's job before it calls {@link CatalogueStore#apply}; an import by a technician
 * from a file may carry none ({@link #UNSIGNED}).
 */
public record CatalogueSignature(String signingKeyId, String signature) {

    public static final CatalogueSignature UNSIGNED = new CatalogueSignature(null, null);

    public boolean signed() {
        return signature != null;
    }
}
