package org.bianmin.portal.store;

/** The portal database failed (disk, corruption); answered as a 503 so kiosks retry. */
public final class PortalStoreException extends RuntimeException {

    public PortalStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
