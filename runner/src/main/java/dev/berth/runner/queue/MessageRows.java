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

/// The SQL over `queue_messages`: statements prepared once for the life of the store's connection, so a
/// call costs no parsing, and the mapping of rows to [QueueMessage]. Not thread-safe: the store calls it
/// under its lock, inside its transactions.
final class MessageRows implements AutoCloseable {
    static final long NEVER_MS = QueueMessage.NEVER.toEpochMilli();
    private static final String COLUMNS = "seq, queue, id, body, inserted_ms, expires_ms, next_visible_ms, dequeue_count, pop_receipt";
    private static final AtomicLong ID_COUNTER = new AtomicLong();

    private final PreparedStatement insert;
    private final PreparedStatement due;
    private final PreparedStatement dequeue;
    private final PreparedStatement delete;
    private final PreparedStatement byId;
    private final PreparedStatement update;
    private final PreparedStatement move;
    private final PreparedStatement purgeExpired;
    private final PreparedStatement all;
    private final PreparedStatement clear;

    /// A stored row: the message as a caller sees it plus the row number updates address.
    record Row(long seq, QueueMessage message) {}

    MessageRows(Connection c) throws SQLException {
        insert = c.prepareStatement("INSERT INTO queue_messages(queue, id, body, inserted_ms, expires_ms, next_visible_ms,"
                + " dequeue_count, pop_receipt) VALUES (?,?,?,?,?,?,?,?)");
        due = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_messages WHERE queue = ? AND next_visible_ms <= ?"
                + " AND expires_ms > ? ORDER BY next_visible_ms, seq LIMIT ?");
        dequeue = c.prepareStatement("UPDATE queue_messages SET next_visible_ms = ?, dequeue_count = dequeue_count + 1,"
                + " pop_receipt = ? WHERE seq = ?");
        delete = c.prepareStatement("DELETE FROM queue_messages WHERE queue = ? AND id = ? AND pop_receipt = ?");
        byId = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_messages WHERE queue = ? AND id = ? AND expires_ms > ?");
        update = c.prepareStatement("UPDATE queue_messages SET next_visible_ms = ?, pop_receipt = ?, body = ? WHERE seq = ?");
        move = c.prepareStatement("UPDATE queue_messages SET queue = ?, next_visible_ms = ?, expires_ms = ?,"
                + " dequeue_count = ?, pop_receipt = ? WHERE seq = ?");
        purgeExpired = c.prepareStatement("DELETE FROM queue_messages WHERE expires_ms <= ?");
        all = c.prepareStatement("SELECT " + COLUMNS + " FROM queue_messages WHERE queue = ? AND expires_ms > ? ORDER BY seq");
        clear = c.prepareStatement("DELETE FROM queue_messages WHERE queue = ?");
    }

    void addInsert(QueueMessage m) throws SQLException {
        insert.setString(1, m.queue());
        insert.setString(2, m.id());
        insert.setString(3, m.text());
        insert.setLong(4, m.insertionTime().toEpochMilli());
        insert.setLong(5, m.expirationTime().toEpochMilli());
        insert.setLong(6, m.nextVisibleTime().toEpochMilli());
        insert.setLong(7, m.dequeueCount());
        insert.setString(8, m.popReceipt());
        insert.addBatch();
    }

    void flushInserts() throws SQLException {
        insert.executeBatch();
    }

    /// Up to `n` visible, unexpired messages of `queue`, the longest visible first.
    List<Row> due(String queue, int n, long nowMs) throws SQLException {
        due.setString(1, queue);
        due.setLong(2, nowMs);
        due.setLong(3, nowMs);
        due.setInt(4, n);
        return read(due.executeQuery());
    }

    void addDequeue(long seq, long visibleMs, String receipt) throws SQLException {
        dequeue.setLong(1, visibleMs);
        dequeue.setString(2, receipt);
        dequeue.setLong(3, seq);
        dequeue.addBatch();
    }

    void flushDequeues() throws SQLException {
        dequeue.executeBatch();
    }

    /// Deletes the message when `receipt` is its latest; answers whether it did.
    boolean delete(String queue, String id, String receipt) throws SQLException {
        delete.setString(1, queue);
        delete.setString(2, id);
        delete.setString(3, receipt);
        return delete.executeUpdate() == 1;
    }

    /// The row of `id` in `queue` unless it is gone or expired.
    Row find(String queue, String id, long nowMs) throws SQLException {
        byId.setString(1, queue);
        byId.setString(2, id);
        byId.setLong(3, nowMs);
        var found = read(byId.executeQuery());
        return found.isEmpty() ? null : found.getFirst();
    }

    void update(long seq, long visibleMs, String receipt, String text) throws SQLException {
        update.setLong(1, visibleMs);
        update.setString(2, receipt);
        update.setString(3, text);
        update.setLong(4, seq);
        update.executeUpdate();
    }

    /// Re-homes a row to queue `to`, visible at `nowMs`.
    void move(long seq, String to, long nowMs, long expiresMs, long dequeueCount, String receipt) throws SQLException {
        move.setString(1, to);
        move.setLong(2, nowMs);
        move.setLong(3, expiresMs);
        move.setLong(4, dequeueCount);
        move.setString(5, receipt);
        move.setLong(6, seq);
        move.executeUpdate();
    }

    void purgeExpired(long nowMs) throws SQLException {
        purgeExpired.setLong(1, nowMs);
        purgeExpired.executeUpdate();
    }

    /// Every unexpired message of `queue`, oldest first.
    List<Row> all(String queue, long nowMs) throws SQLException {
        all.setString(1, queue);
        all.setLong(2, nowMs);
        return read(all.executeQuery());
    }

    int clear(String queue) throws SQLException {
        clear.setString(1, queue);
        return clear.executeUpdate();
    }

    private static List<Row> read(ResultSet rows) throws SQLException {
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
        for (var s : List.of(insert, due, dequeue, delete, byId, update, move, purgeExpired, all, clear)) s.close();
    }
}
