package dev.berth.runner.queue;

import java.sql.Connection;
import java.sql.SQLException;

/// The queue store's tables in the project database, all prefixed `queue_` so they sit beside the event
/// store's. Additive changes only, so an older `.berth/berth.db` keeps working.
final class QueueSchema {
    private QueueSchema() {}

    static void apply(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS queue_queues(name TEXT PRIMARY KEY, created_ms INTEGER NOT NULL)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS queue_messages(
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      queue TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
                      inserted_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, next_visible_ms INTEGER NOT NULL,
                      dequeue_count INTEGER NOT NULL, pop_receipt TEXT NOT NULL)""");
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS queue_messages_id ON queue_messages(id)");
            // get() scans this index from the oldest due message and stops after n rows.
            s.execute("CREATE INDEX IF NOT EXISTS queue_messages_due ON queue_messages(queue, next_visible_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS queue_messages_expiry ON queue_messages(expires_ms)");
        }
    }
}
