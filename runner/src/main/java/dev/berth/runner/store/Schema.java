package dev.berth.runner.store;

import java.sql.Connection;
import java.sql.SQLException;

/// The event store's tables. Additive changes only, so an older `.berth/berth.db` keeps working.
final class Schema {
    private Schema() {}

    static void apply(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS events(
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      session TEXT NOT NULL, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS events_session ON events(session, seq)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS invocations(
                      id TEXT PRIMARY KEY, session TEXT NOT NULL, at_ms INTEGER NOT NULL, function TEXT NOT NULL,
                      replica TEXT NOT NULL, status INTEGER NOT NULL, duration_ms REAL NOT NULL, error TEXT NOT NULL,
                      request TEXT NOT NULL, response TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS invocations_at ON invocations(at_ms)");
        }
    }
}
