package dev.berth.runner.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/// The prepared statements over `queue_messages` and the mapping of its rows, kept open for the life of
/// the store's connection so a call costs no SQL parsing. Not thread-safe: the store calls it under its lock.
final class MessageRows implements AutoCloseable {
    static final long NEVER_MS = QueueMessage.NEVER.toEpochMilli();
    private static final String COLUMNS = "seq, queue, id, body, inserted_ms, expires_ms, next_visible_ms, dequeue_count, pop_receipt";

    final PreparedStatement insert;
    final PreparedStatement due;
    final PreparedStatement dequeue;
    final PreparedStatement peek;
    final PreparedStatement delete;
    final PreparedStatement byId;
    final PreparedStatement update;
    final PreparedStatement move;
    final PreparedStatement purgeExpired;

    MessageRows(Connection c) throws SQLException {
        insert = c.prepareStatement("INSERT INTO queue_messages(queue, id, body, inserted_ms, expires_ms, next_visible_ms,"
                + " dequeue_count, pop_receipt) VALUES (?,?,?,?,?,?,0,?)");
        due = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_messages WHERE queue = ? AND next_visible_ms <= ?"
                + " AND expires_ms > ? ORDER BY next_visible_ms, seq LIMIT ?");
        dequeue = c.prepareStatement("UPDATE queue_messages SET next_visible_ms = ?, dequeue_count = dequeue_count + 1,"
                + " pop_receipt = ? WHERE seq = ?");
        peek = due;
        delete = c.prepareStatement("DELETE FROM queue_messages WHERE queue = ? AND id = ? AND pop_receipt = ?");
        byId = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_messages WHERE queue = ? AND id = ? AND expires_ms > ?");
        update = c.prepareStatement("UPDATE queue_messages SET next_visible_ms = ?, pop_receipt = ?, body = ? WHERE seq = ?");
        move = c.prepareStatement("UPDATE queue_messages SET queue = ?, next_visible_ms = ?, expires_ms = ?,"
                + " dequeue_count = ?, pop_receipt = ? WHERE seq = ?");
        purgeExpired = c.prepareStatement("DELETE FROM queue_messages WHERE expires_ms <= ?");
    }

    /// A stored row: the message as a caller sees it plus the row number updates address.
    record Row(long seq, QueueMessage message) {}

    static List<Row> read(ResultSet rows) throws SQLException {
        var out = new ArrayList<Row>();
        try (rows) {
            while (rows.next()) {
                out.add(new Row(rows.getLong(1), new QueueMessage(rows.getString(2), rows.getString(3), rows.getString(4),
                        Instant.ofEpochMilli(rows.getLong(5)), Instant.ofEpochMilli(rows.getLong(6)), rows.getString(9),
                        Instant.ofEpochMilli(rows.getLong(7)), rows.getLong(8))));
            }
        }
        return out;
    }

    /// The row of `id` in `queue` unless it is gone or expired.
    Row find(String queue, String id, long nowMs) throws SQLException {
        byId.setString(1, queue);
        byId.setString(2, id);
        byId.setLong(3, nowMs);
        var found = read(byId.executeQuery());
        return found.isEmpty() ? null : found.getFirst();
    }

    private static final AtomicLong ID_COUNTER = new AtomicLong();

    /// A version-7 style GUID: time-ordered, so consecutive puts land on the same pages of the id index.
    /// Random UUIDs scattered each batch over dozens of index pages, and every page is synced at commit.
    static String newId(long nowMs) {
        long msb = (nowMs << 16) | 0x7000L | (ID_COUNTER.incrementAndGet() & 0x0fffL);
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /// Receipts only need to differ from the previous one; they guard against stale callers, not attackers.
    static String newPopReceipt() {
        var bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() throws SQLException {
        for (var s : List.of(insert, due, dequeue, delete, byId, update, move, purgeExpired)) s.close();
    }
}
