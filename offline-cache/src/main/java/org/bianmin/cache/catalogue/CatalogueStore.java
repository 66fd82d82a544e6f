package org.bianmin.cache.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bianmin.cache.db.Database;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole catalogue versions in the kiosk database: the current one and the one before it (for rollback).
 *
 * <p>Applying a version is one write transaction; the in-memory snapshot that {@link #current()} and the other
 * read methods serve is swapped only after that commit, so readers see either the old version or the new one,
 * never a mix. Listeners (the search index) run after the swap, on the applying thread.
 */
public final class CatalogueStore {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueStore.class);

    private final Database db;
    private final Clock clock;
    private final ObjectMapper mapper = CatalogueReader.mapper();
    private final List<Consumer<StoredCatalogue>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    /** The header fields of a catalogue that are not stored in their own tables. */
    private record Header(String format, Catalogue.Region region, Catalogue.Hall hall, List<Catalogue.Topic> topics) {}

    private record Snapshot(StoredCatalogue stored, Map<String, ServiceItem> byCode) {
        static final Snapshot EMPTY = new Snapshot(null, Map.of());

        static Snapshot of(StoredCatalogue stored) {
            return stored == null ? EMPTY : new Snapshot(stored, stored.catalogue().itemsByCode());
        }
    }

    public CatalogueStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.snapshot = Snapshot.of(db.read(this::loadCurrent));
    }

    /** Called with every newly current catalogue (after apply or rollback), and at once with the current one. */
    public void addListener(Consumer<StoredCatalogue> listener) {
        listeners.add(listener);
        current().ifPresent(listener);
    }

    public Optional<StoredCatalogue> current() {
        return Optional.ofNullable(snapshot.stored());
    }

    public Optional<ServiceItem> item(String code) {
        return Optional.ofNullable(snapshot.byCode().get(code));
    }

    /** Departments in tile order. */
    public List<Catalogue.Department> departments() {
        return current().map(s -> s.catalogue().departments().stream()
                .sorted(Comparator.comparingInt(Catalogue.Department::order)).toList()).orElse(List.of());
    }

    public List<ServiceItem> itemsOf(String departmentCode) {
        return current().map(s -> s.catalogue().items().stream()
                .filter(i -> i.department().equals(departmentCode)).toList()).orElse(List.of());
    }

    public List<Catalogue.Topic> topics() {
        return current().map(s -> s.catalogue().topics()).orElse(List.of());
    }

    /** The version kept for rollback, if any. */
    public Optional<Long> previousVersion() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version FROM catalogue_version WHERE state = 'PREVIOUS'"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        });
    }

    /**
     * Makes {@code catalogue} current unless the kiosk holds a newer or equal version, or an operator rolled
     * this version back. The version current before becomes the rollback version; the one before that is dropped.
     */
    public ApplyResult apply(Catalogue catalogue, CatalogueSignature signature) {
        Instant now = clock.instant();
        ApplyResult result = db.write(c -> {
            long offered = catalogue.version();
            if (exists(c, "SELECT 1 FROM catalogue_rolled_back WHERE version = ?", offered)) {
                return new ApplyResult.RolledBackEarlier(offered);
            }
            long current = currentVersion(c);
            if (offered < current) {
                return new ApplyResult.OlderThanCurrent(offered, current);
            }
            if (offered == current) {
                return new ApplyResult.AlreadyCurrent(offered);
            }
            update(c, "DELETE FROM catalogue_version WHERE state = 'PREVIOUS'");
            update(c, "UPDATE catalogue_version SET state = 'PREVIOUS' WHERE state = 'CURRENT'");
            insert(c, catalogue, signature, now);
            return new ApplyResult.Applied(offered, current);
        });
        if (result instanceof ApplyResult.Applied applied) {
            LOG.info("catalogue version {} applied ({} items); previous {}", applied.version(),
                    catalogue.items().size(), applied.previous());
            publish(new StoredCatalogue(catalogue, signature, now));
        }
        return result;
    }

    /**
     * The HTTP entity tag under which the current version was served, if {@link #rememberEtag} recorded one:
     * a restarted kiosk revalidates with it instead of downloading the whole catalogue again.
     */
    public Optional<String> etag() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT etag FROM catalogue_version WHERE state = 'CURRENT'"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * Records the entity tag of the file that carried {@code version}, if that version is still current. Written
     * after {@link #apply} commits, not with it: a crash in between costs one full download at the next start.
     */
    public void rememberEtag(long version, String etag) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE catalogue_version SET etag = ? WHERE state = 'CURRENT' AND version = ?")) {
                ps.setString(1, etag);
                ps.setLong(2, version);
                return ps.executeUpdate();
            }
        });
    }

    /** Drops the current version and makes the previous one current again. */
    public RollbackResult rollback() {
        RollbackResult result = db.write(c -> {
            long current = currentVersion(c);
            Optional<Long> previous = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version FROM catalogue_version WHERE state = 'PREVIOUS'"); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previous = Optional.of(rs.getLong(1));
                }
            }
            if (previous.isEmpty()) {
                return new RollbackResult.NothingToRollBack();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO catalogue_rolled_back VALUES (?, ?)")) {
                ps.setLong(1, current);
                ps.setString(2, clock.instant().toString());
                ps.executeUpdate();
            }
            update(c, "DELETE FROM catalogue_version WHERE state = 'CURRENT'");
            update(c, "UPDATE catalogue_version SET state = 'CURRENT' WHERE state = 'PREVIOUS'");
            return new RollbackResult.RolledBack(current, previous.get());
        });
        if (result instanceof RollbackResult.RolledBack r) {
            LOG.warn("catalogue version {} rolled back to {}", r.from(), r.to());
            publish(db.read(this::loadCurrent));
        }
        return result;
    }

    private void publish(StoredCatalogue stored) {
        snapshot = Snapshot.of(stored);
        for (Consumer<StoredCatalogue> listener : listeners) {
            listener.accept(stored);
        }
    }

    private static long currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM catalogue_version WHERE state = 'CURRENT'"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean exists(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private void insert(Connection c, Catalogue cat, CatalogueSignature signature, Instant now) throws SQLException {
        long v = cat.version();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO catalogue_version (version, published_at, signature, signing_key_id, applied_at, state, header) "
                        + "VALUES (?, ?, ?, ?, ?, 'CURRENT', ?)")) {
            ps.setLong(1, v);
            ps.setString(2, cat.publishedAt().toString());
            ps.setString(3, signature.signature());
            ps.setString(4, signature.signingKeyId());
            ps.setString(5, now.toString());
            ps.setString(6, json(new Header(cat.format(), cat.region(), cat.hall(), cat.topics())));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_department "
                + "(version, code, name, short_name, ord, en) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Catalogue.Department d : cat.departments()) {
                ps.setLong(1, v);
                ps.setString(2, d.code());
                ps.setString(3, d.name());
                ps.setString(4, d.shortName());
                ps.setInt(5, d.order());
                ps.setString(6, d.en() == null ? null : json(d.en()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement items = c.prepareStatement(
                "INSERT INTO catalogue_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement synonyms = c.prepareStatement("INSERT INTO catalogue_synonym VALUES (?, ?, ?)")) {
            int position = 0;
            for (ServiceItem item : cat.items()) {
                ObjectNode body = mapper.valueToTree(item);
                body.remove("form");
                body.remove("synonyms");
                items.setLong(1, v);
                items.setInt(2, position++);
                items.setString(3, item.code());
                items.setString(4, item.name());
                items.setString(5, item.department());
                items.setInt(6, item.popularity());
                items.setBoolean(7, item.kioskHandleable());
                items.setString(8, item.form() == null ? null : json(item.form()));
                items.setString(9, json(body));
                items.addBatch();
                for (String synonym : item.synonyms()) {
                    synonyms.setLong(1, v);
                    synonyms.setString(2, item.code());
                    synonyms.setString(3, synonym);
                    synonyms.addBatch();
                }
            }
            items.executeBatch();
            synonyms.executeBatch();
        }
    }

    private StoredCatalogue loadCurrent(Connection c) throws SQLException {
        long version;
        OffsetDateTime publishedAt;
        CatalogueSignature signature;
        Instant appliedAt;
        Header header;
        try (PreparedStatement ps = c.prepareStatement("SELECT version, published_at, signature, signing_key_id, "
                + "applied_at, header FROM catalogue_version WHERE state = 'CURRENT'"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            version = rs.getLong(1);
            publishedAt = OffsetDateTime.parse(rs.getString(2));
            signature = new CatalogueSignature(rs.getString(4), rs.getString(3));
            appliedAt = Instant.parse(rs.getString(5));
            header = parse(rs.getString(6), Header.class);
        }
        List<Catalogue.Department> departments = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, short_name, ord, en FROM catalogue_department WHERE version = ? ORDER BY rowid")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String en = rs.getString(5);
                    departments.add(new Catalogue.Department(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), en == null ? null : parse(en, Catalogue.Department.English.class)));
                }
            }
        }
        Map<String, List<String>> synonyms = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, synonym FROM catalogue_synonym WHERE version = ? ORDER BY rowid")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    synonyms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<ServiceItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, form, body FROM catalogue_item WHERE version = ? ORDER BY position")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode body = parse(rs.getString(3), ObjectNode.class);
                    String form = rs.getString(2);
                    if (form != null) {
                        body.set("form", mapper.valueToTree(parse(form, FormDefinition.class)));
                    }
                    body.set("synonyms", mapper.valueToTree(synonyms.getOrDefault(rs.getString(1), List.of())));
                    items.add(mapper.convertValue(body, ServiceItem.class));
                }
            }
        }
        Catalogue catalogue = new Catalogue(header.format(), version, publishedAt, header.region(), header.hall(),
                departments, header.topics(), items);
        return new StoredCatalogue(catalogue, signature, appliedAt);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue records always serialize", e);
        }
    }

    private <T> T parse(String json, Class<T> type) throws SQLException {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored catalogue row is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
