package org.bianmin.cache.db;

import java.nio.file.Path;
import java.time.Instant;

/** Something an operator must see on the kiosk's status screen; raised by the storage layer, shown by the app. */
public sealed interface StorageAlert {

    Instant at();

    /**
     * The database could not be used and was moved aside intact (with its WAL and shared-memory files) for
     * recovery; the kiosk continues on a new, empty database and needs a catalogue before it can show items.
     */
    record DatabaseQuarantined(Path original, Path movedTo, String reason, Instant at) implements StorageAlert {}
}
