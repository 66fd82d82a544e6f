package org.bianmin.cache.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.db.StorageException;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * The search index of each kept catalogue version, in the kiosk database (table {@code search_index}, one row per
 * version, dropped with its version): a restart with an unchanged catalogue reads it back in milliseconds instead
 * of expanding every text into pinyin again.
 *
 * <p>Guarantees: a stored index is used only if it decodes completely and covers every searchable text of the
 * catalogue it is read for; anything else (damaged row, unknown format, another catalogue's forms, a database
 * error) is {@link Lookup.Unreadable}, and the caller rebuilds. Limits: a stored row larger than
 * {@value #MAX_BYTES} bytes is not read.
 */
public final class SearchIndexStore {

    /** Far above the forms of a 10,000-item catalogue (a few MiB): bounds what a damaged row can make us allocate. */
    static final int MAX_BYTES = 64 << 20;

    private final Database db;

    public SearchIndexStore(Database db) {
        this.db = db;
    }

    /** What the database holds for one catalogue version. */
    public sealed interface Lookup {
        record Found(SearchIndex index) implements Lookup {}

        record Absent() implements Lookup {}

        record Unreadable(String reason) implements Lookup {}
    }

    /** The stored index of {@code catalogue}'s version, checked against that catalogue. */
    public Lookup load(Catalogue catalogue) {
        Optional<byte[]> stored;
        try {
            stored = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT length(forms), forms FROM search_index WHERE version = ?")) {
                    ps.setLong(1, catalogue.version());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        if (rs.getLong(1) > MAX_BYTES) {
                            return Optional.of(new byte[0]); // decodes as damaged: rebuilt and replaced
                        }
                        byte[] forms = rs.getBytes(2);
                        return Optional.of(forms == null ? new byte[0] : forms);
                    }
                }
            });
        } catch (StorageException e) {
            return new Lookup.Unreadable(e.getMessage());
        }
        if (stored.isEmpty()) {
            return new Lookup.Absent();
        }
        try {
            return new Lookup.Found(SearchIndex.withForms(catalogue, SearchFormsCodec.decode(stored.get())));
        } catch (SearchFormsCodec.CorruptFormsException | SearchIndex.MissingFormException e) {
            return new Lookup.Unreadable(e.getMessage());
        }
    }

    /**
     * Keeps {@code index} as the index of catalogue {@code version}, replacing what was stored. Written after the
     * catalogue's own transaction: a crash in between costs one rebuild at the next start.
     *
     * @throws StorageException when the database refuses (the version is not stored, the disk is full)
     */
    public void save(long version, SearchIndex index) {
        byte[] forms = SearchFormsCodec.encode(index.forms());
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO search_index (version, forms) VALUES (?, ?)")) {
                ps.setLong(1, version);
                ps.setBytes(2, forms);
                return ps.executeUpdate();
            }
        });
    }
}
