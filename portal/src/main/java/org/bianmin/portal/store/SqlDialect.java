package org.bianmin.portal.store;

import java.sql.SQLException;
import java.util.Set;

/** What differs between the two databases the portal runs on; the SQL itself is shared. */
enum SqlDialect {
    /** One connection, so one transaction at a time: no transaction ever loses a race. */
    SQLITE("sqlite", "rowid", Set.of()),
    /**
     * Many connections on many nodes: a transaction that collides with a concurrent one on a unique key
     * ({@code 23505}), or is a deadlock victim ({@code 40P01}) or a serialization failure ({@code 40001}), is rolled
     * back and run again, and then sees what the winner committed.
     */
    POSTGRESQL("postgresql", "row_id", Set.of("23505", "40001", "40P01"));

    /** The Flyway location of this dialect's migrations, under {@code db/migration}. */
    final String migrations;
    /** The column that orders submissions by insertion (SQLite's implicit rowid, PostgreSQL's identity column). */
    final String insertionOrder;
    private final Set<String> retryableStates;

    SqlDialect(String migrations, String insertionOrder, Set<String> retryableStates) {
        this.migrations = "classpath:db/migration/" + migrations;
        this.insertionOrder = insertionOrder;
        this.retryableStates = retryableStates;
    }

    /** Whether {@code e} means a concurrent transaction got there first, so running this one again is right. */
    boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && retryableStates.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
