package org.bianmin.portal.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;

/** Where a portal keeps its data: an embedded SQLite file (demo, tests, one hall) or a PostgreSQL server. */
public sealed interface PortalDatabase {

    /** Opens (creating or migrating the schema as needed) the store this names. */
    default PortalStore open(Clock clock) {
        return JdbcPortalStore.open(this, clock);
    }

    /** A SQLite file, created on first use. */
    record Sqlite(Path file) implements PortalDatabase {}

    /**
     * A PostgreSQL 15+ database: {@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P} (any pgjdbc URL property
     * works). {@link #toString} hides the password, so the URL may be logged.
     */
    record Postgres(String jdbcUrl) implements PortalDatabase {
        static final String PREFIX = "jdbc:postgresql:";
        private static final Pattern PASSWORD = Pattern.compile("([?&;]password=)[^&;]*", Pattern.CASE_INSENSITIVE);

        public Postgres {
            if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
                throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with " + PREFIX);
            }
        }

        @Override
        public String toString() {
            return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
        }
    }
}
