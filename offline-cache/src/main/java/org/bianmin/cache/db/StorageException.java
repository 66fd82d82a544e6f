package org.bianmin.cache.db;

/** The local database failed in a way the caller cannot fix by retrying (disk full, I/O error, bug). */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
