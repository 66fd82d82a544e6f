package org.bianmin.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bianmin.cache.search.ChineseText;
import org.bianmin.cache.search.SearchHit;
import org.bianmin.cache.search.SearchIndex;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Kiosk search on a generated 10,000-item catalogue, per query (p50/p99 from JMH sample time; goal p99 ≤ 2 ms),
 * against the peer: the same folded texts, full pinyin and initials in an SQLite FTS5 trigram table (MATCH for
 * queries of three or more characters, LIKE below that, which trigram cannot index), top 20 by rank.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

    static final int ITEMS = 10_000;
    static final int LIMIT = 20;

    @Param({"s", "sb", "shebao", "社保", "身份證", "gongjijin", "jszhl", "保险", "营业执照变更", "G004711"})
    public String query;

    private SearchIndex index;
    private Path dir;
    private Connection sqlite;
    private PreparedStatement match;
    private PreparedStatement like;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        Catalogue catalogue = GeneratedCatalogue.generate(ITEMS, 42);
        index = SearchIndex.build(catalogue);
        dir = Files.createTempDirectory("search-bench");
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fts.db"));
        try (Statement s = sqlite.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE item USING fts5(code UNINDEXED, popularity UNINDEXED, forms,"
                    + " tokenize = 'trigram')");
        }
        sqlite.setAutoCommit(false);
        try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO item VALUES (?, ?, ?)")) {
            for (ServiceItem item : catalogue.items()) {
                insert.setString(1, item.code());
                insert.setInt(2, item.popularity());
                insert.setString(3, String.join(" ", forms(catalogue, item)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        sqlite.commit();
        sqlite.setAutoCommit(true);
        match = sqlite.prepareStatement("SELECT code FROM item WHERE item MATCH ? ORDER BY rank LIMIT " + LIMIT);
        like = sqlite.prepareStatement("SELECT code FROM item WHERE forms LIKE ? "
                + "ORDER BY CAST(popularity AS INTEGER) DESC LIMIT " + LIMIT);
    }

    private static List<String> forms(Catalogue catalogue, ServiceItem item) {
        Catalogue.Department d = catalogue.department(item.department()).orElseThrow();
        return Stream.concat(Stream.of(item.name(), d.name(), d.shortName(), item.code(), item.basicCode()),
                item.synonyms().stream()).flatMap(t -> SearchIndex.searchForms(t).stream()).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        sqlite.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public List<SearchHit> kioskIndex() {
        return index.search(query, LIMIT);
    }

    @Benchmark
    public List<String> sqliteFts5Trigram() throws SQLException {
        String q = ChineseText.fold(query);
        PreparedStatement ps;
        if (q.length() >= 3) {
            ps = match;
            ps.setString(1, "\"" + q + "\"");
        } else {
            ps = like;
            ps.setString(1, "%" + q + "%");
        }
        List<String> codes = new ArrayList<>(LIMIT);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }
}
