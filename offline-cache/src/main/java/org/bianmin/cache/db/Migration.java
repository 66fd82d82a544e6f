package org.bianmin.cache.db;

import java.util.List;

/** One schema step; {@code version} is stored in {@code PRAGMA user_version} once its statements commit. */
public record Migration(int version, String description, List<String> statements) {

    public Migration {
        statements = List.copyOf(statements);
    }
}
