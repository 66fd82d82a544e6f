package org.bianmin.cache;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.bianmin.cache.audit.AuditLog;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.crypto.KeyVault;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.db.StorageAlert;
import org.bianmin.cache.outbox.Backoff;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.search.CatalogueSearch;
import org.bianmin.cache.search.SearchIndexStore;

/**
 * Everything the kiosk keeps offline, opened from its data directory: the database, the catalogue store with
 * its search index (kept in the database per catalogue version, read back at start), the outbox (payload keys
 * in the data directory) and the audit log.
 */
public final class OfflineCache implements AutoCloseable {

    /** File beside the database holding the audit log's head (see {@link AuditLog}). */
    public static final String AUDIT_ANCHOR = "audit.head";

    private final Database database;
    private final CatalogueStore catalogue;
    private final CatalogueSearch search;
    private final Outbox outbox;
    private final AuditLog audit;

    /**
     * @param kioskId   receipt prefix, from the kiosk config
     * @param zone      the hall's time zone (receipt dates)
     * @param retention how long delivered submissions keep their personal payload ({@link Outbox#DEFAULT_RETENTION})
     */
    public record Settings(String kioskId, ZoneId zone, Backoff backoff, Duration retention) {
        public static Settings defaults(String kioskId) {
            return new Settings(kioskId, ZoneId.of("Asia/Shanghai"), Backoff.DEFAULT, Outbox.DEFAULT_RETENTION);
        }
    }

    private OfflineCache(Database database, CatalogueStore catalogue, CatalogueSearch search, Outbox outbox,
                         AuditLog audit) {
        this.database = database;
        this.catalogue = catalogue;
        this.search = search;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Opens the database file {@code databaseFile}; keys and the audit anchor live in {@code dataDirectory}. */
    public static OfflineCache open(Path dataDirectory, Path databaseFile, Settings settings, Clock clock,
                                    Consumer<StorageAlert> alerts) {
        Database db = Database.open(databaseFile, clock, alerts);
        try {
            SecureRandom random = new SecureRandom();
            PayloadCipher cipher = new PayloadCipher(KeyVault.openOrCreate(dataDirectory, random), random);
            CatalogueStore store = new CatalogueStore(db, clock);
            CatalogueSearch search = new CatalogueSearch(new SearchIndexStore(db));
            store.addListener(search);
            Outbox outbox = new Outbox(db, cipher, settings.kioskId(), settings.zone(), clock, settings.backoff(),
                    random, settings.retention());
            AuditLog audit = new AuditLog(db, clock, dataDirectory.resolve(AUDIT_ANCHOR));
            return new OfflineCache(db, store, search, outbox, audit);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public CatalogueStore catalogue() {
        return catalogue;
    }

    public CatalogueSearch search() {
        return search;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        database.close();
    }
}
