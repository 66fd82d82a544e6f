package org.bianmin.cache.sync;

import java.time.Instant;

/** Something an operator must see: a refused catalogue, a rejected credential, a blocked outbox entry. */
public record SyncAlert(Kind kind, String message, Instant at) {

    public enum Kind { CATALOGUE_REFUSED, CREDENTIAL_REJECTED, ENTRY_BLOCKED }
}
