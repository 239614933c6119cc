package dev.berth.runner.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The SQL over `queue_queues` and the per-queue counts, prepared once. Not thread-safe: the store calls
/// it under its lock, inside its transactions.
final class QueueRows implements AutoCloseable {
    private final PreparedStatement create;
    private final PreparedStatement list;
    private final PreparedStatement exists;
    private final PreparedStatement delete;
    private final PreparedStatement counts;

    QueueRows(Connection c) throws SQLException {
        create = c.prepareStatement("INSERT OR IGNORE INTO queue_queues(name, created_ms) VALUES (?,?)");
        list = c.prepareStatement("SELECT name FROM queue_queues ORDER BY name");
        exists = c.prepareStatement("SELECT 1 FROM queue_queues WHERE name = ?");
        delete = c.prepareStatement("DELETE FROM queue_queues WHERE name = ?");
        counts = c.prepareStatement("SELECT q.name, sum(m.next_visible_ms <= ?), sum(m.next_visible_ms > ?)"
                + " FROM queue_queues q LEFT JOIN queue_messages m ON m.queue = q.name AND m.expires_ms > ?"
                + " GROUP BY q.name ORDER BY q.name");
    }

    /// Answers whether the queue was created (false: it existed).
    boolean create(String name, long nowMs) throws SQLException {
        create.setString(1, name);
        create.setLong(2, nowMs);
        return create.executeUpdate() == 1;
    }

    List<String> list() throws SQLException {
        var names = new ArrayList<String>();
        try (var rows = list.executeQuery()) {
            while (rows.next()) names.add(rows.getString(1));
        }
        return names;
    }

    boolean exists(String name) throws SQLException {
        exists.setString(1, name);
        try (var rows = exists.executeQuery()) {
            return rows.next();
        }
    }

    void delete(String name) throws SQLException {
        delete.setString(1, name);
        delete.executeUpdate();
    }

    /// Counts of every queue by name, sorted; each poison queue's total also lands on its source queue.
    Map<String, QueueCounts> counts(long nowMs) throws SQLException {
        var byQueue = new LinkedHashMap<String, long[]>();
        counts.setLong(1, nowMs);
        counts.setLong(2, nowMs);
        counts.setLong(3, nowMs);
        try (var rows = counts.executeQuery()) {
            while (rows.next()) byQueue.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
        }
        var out = new LinkedHashMap<String, QueueCounts>();
        byQueue.forEach((name, c) -> {
            var poison = byQueue.get(name + QueueLimits.POISON_SUFFIX);
            out.put(name, new QueueCounts(name, c[0], c[1], poison == null ? 0 : poison[0] + poison[1]));
        });
        return out;
    }

    @Override
    public void close() throws SQLException {
        for (var s : List.of(create, list, exists, delete, counts)) s.close();
    }
}
