package dev.berth.runner.durable;

import com.google.protobuf.InvalidProtocolBufferException;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ActivityRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import dev.berth.runner.store.Sqlite;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The durable copy of every task hub in the project database: instances, their event-sourced history,
/// their inboxes and the activities not yet finished. Histories are the protocol's own protobuf
/// `HistoryEvent` bytes, so what a worker replays is exactly what was recorded. Each engine step is one
/// transaction, so a killed process loses no step and applies none twice (decision 0008).
/// Writes come from the engine under its lock; reads for views use their own connection. Not thread-safe
/// otherwise.
final class DurableStore implements AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS dt_instances (
              hub TEXT NOT NULL, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, name TEXT NOT NULL,
              status TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, scheduled_ms INTEGER,
              input TEXT, output TEXT, custom_status TEXT, failure BLOB, parent BLOB, suspended INTEGER NOT NULL,
              PRIMARY KEY (hub, instance_id));
            CREATE INDEX IF NOT EXISTS dt_instances_created ON dt_instances (hub, created_ms);
            CREATE TABLE IF NOT EXISTS dt_history (
              hub TEXT NOT NULL, instance_id TEXT NOT NULL, seq INTEGER NOT NULL, event BLOB NOT NULL,
              PRIMARY KEY (hub, instance_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dt_inbox (
              id INTEGER PRIMARY KEY AUTOINCREMENT, hub TEXT NOT NULL, instance_id TEXT NOT NULL,
              visible_ms INTEGER NOT NULL, event BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS dt_inbox_instance ON dt_inbox (hub, instance_id);
            CREATE TABLE IF NOT EXISTS dt_activities (
              id INTEGER PRIMARY KEY AUTOINCREMENT, hub TEXT NOT NULL, instance_id TEXT NOT NULL,
              task_id INTEGER NOT NULL, request BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS dt_activities_instance ON dt_activities (hub, instance_id);
            """;

    private final Connection write;
    private final Connection read;
    private final Object readLock = new Object();

    private DurableStore(Connection write, Connection read) {
        this.write = write;
        this.read = read;
    }

    /// Opens (and creates) the tables in `file`. NORMAL sync in WAL mode: a committed step survives a killed
    /// process; only a power cut may lose the newest steps (decision 0005).
    static DurableStore open(Path file) throws SQLException {
        var write = Sqlite.open(file, SQLiteConfig.SynchronousMode.NORMAL);
        try {
            try (var s = write.createStatement()) {
                for (var statement : SCHEMA.split(";")) {
                    if (!statement.isBlank()) s.execute(statement);
                }
            }
            write.setAutoCommit(false);
            write.commit();
            return new DurableStore(write, Sqlite.connect(file, SQLiteConfig.SynchronousMode.NORMAL));
        } catch (SQLException e) {
            write.close();
            throw e;
        }
    }

    void commit() throws SQLException { write.commit(); }

    void rollback() {
        try {
            write.rollback();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(DurableStore.class).warn("rollback failed", e);
        }
    }

    // ---- writes (inside the engine's transaction) ----

    void saveInstance(Instance i) throws SQLException {
        try (var s = write.prepareStatement("""
                INSERT OR REPLACE INTO dt_instances (hub, instance_id, execution_id, name, status, created_ms,
                  updated_ms, scheduled_ms, input, output, custom_status, failure, parent, suspended)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, i.key.hub());
            s.setString(2, i.key.id());
            s.setString(3, i.executionId);
            s.setString(4, i.name);
            s.setString(5, i.status.name());
            s.setLong(6, i.created.toEpochMilli());
            s.setLong(7, i.updated.toEpochMilli());
            if (i.scheduledStart == null) s.setNull(8, Types.INTEGER);
            else s.setLong(8, i.scheduledStart.toEpochMilli());
            s.setString(9, i.input);
            s.setString(10, i.output);
            s.setString(11, i.customStatus);
            s.setBytes(12, i.failure == null ? null : i.failure.toByteArray());
            s.setBytes(13, i.parent == null ? null : i.parent.toByteArray());
            s.setInt(14, i.suspended ? 1 : 0);
            s.executeUpdate();
        }
    }

    /// Appends `events` to the stored history, numbering them from `firstSequence`.
    void appendHistory(InstanceKey key, int firstSequence, List<HistoryEvent> events) throws SQLException {
        if (events.isEmpty()) return;
        try (var s = write.prepareStatement("INSERT INTO dt_history (hub, instance_id, seq, event) VALUES (?, ?, ?, ?)")) {
            int seq = firstSequence;
            for (var event : events) {
                s.setString(1, key.hub());
                s.setString(2, key.id());
                s.setInt(3, seq++);
                s.setBytes(4, event.toByteArray());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void replaceHistory(InstanceKey key, List<HistoryEvent> events) throws SQLException {
        delete("DELETE FROM dt_history WHERE hub = ? AND instance_id = ?", key);
        appendHistory(key, 0, events);
    }

    long addInbox(InstanceKey key, Instant visibleAt, HistoryEvent event) throws SQLException {
        try (var s = write.prepareStatement("INSERT INTO dt_inbox (hub, instance_id, visible_ms, event) VALUES (?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, key.hub());
            s.setString(2, key.id());
            s.setLong(3, visibleAt.toEpochMilli());
            s.setBytes(4, event.toByteArray());
            s.executeUpdate();
            return generatedKey(s);
        }
    }

    void removeInbox(List<InboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) return;
        try (var s = write.prepareStatement("DELETE FROM dt_inbox WHERE id = ?")) {
            for (var entry : entries) {
                s.setLong(1, entry.rowId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    long addActivity(InstanceKey key, int taskId, ActivityRequest request) throws SQLException {
        try (var s = write.prepareStatement("INSERT INTO dt_activities (hub, instance_id, task_id, request) VALUES (?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, key.hub());
            s.setString(2, key.id());
            s.setInt(3, taskId);
            s.setBytes(4, request.toByteArray());
            s.executeUpdate();
            return generatedKey(s);
        }
    }

    /// Removes a finished activity; false when it was already gone (a duplicate completion).
    boolean removeActivity(long rowId) throws SQLException {
        try (var s = write.prepareStatement("DELETE FROM dt_activities WHERE id = ?")) {
            s.setLong(1, rowId);
            return s.executeUpdate() == 1;
        }
    }

    /// Drops what is pending for an instance: its inbox and its activities (finished, terminated, continued).
    void clearPending(InstanceKey key) throws SQLException {
        delete("DELETE FROM dt_inbox WHERE hub = ? AND instance_id = ?", key);
        delete("DELETE FROM dt_activities WHERE hub = ? AND instance_id = ?", key);
    }

    void deleteInstance(InstanceKey key) throws SQLException {
        clearPending(key);
        delete("DELETE FROM dt_history WHERE hub = ? AND instance_id = ?", key);
        delete("DELETE FROM dt_instances WHERE hub = ? AND instance_id = ?", key);
    }

    private void delete(String sql, InstanceKey key) throws SQLException {
        try (var s = write.prepareStatement(sql)) {
            s.setString(1, key.hub());
            s.setString(2, key.id());
            s.executeUpdate();
        }
    }

    private static long generatedKey(PreparedStatement s) throws SQLException {
        try (var keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    // ---- loading the working set after a start ----

    /// Every instance that has not finished, with its history and inbox, keyed by hub and id.
    Map<InstanceKey, Instance> loadActive() throws SQLException {
        var active = new LinkedHashMap<InstanceKey, Instance>();
        try (var s = write.prepareStatement("SELECT * FROM dt_instances WHERE status NOT IN"
                + " ('COMPLETED', 'FAILED', 'TERMINATED', 'CANCELED') ORDER BY created_ms");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                var instance = instance(rows);
                active.put(instance.key, instance);
            }
        }
        for (var instance : active.values()) {
            instance.history.addAll(history(write, instance.key));
            for (var event : instance.history) {
                if (event.hasEventSent()) instance.sentEvents.add(event.getEventId());
            }
        }
        try (var s = write.prepareStatement("SELECT id, hub, instance_id, visible_ms, event FROM dt_inbox ORDER BY id");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                var instance = active.get(new InstanceKey(rows.getString(2), rows.getString(3)));
                if (instance == null) continue; // left by a finished instance: nothing will read it
                instance.inbox.add(new InboxEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(4)),
                        parse(rows.getBytes(5))));
            }
        }
        return active;
    }

    /// One stored instance with its history (its inbox is empty unless it is active).
    java.util.Optional<Instance> load(InstanceKey key) throws SQLException {
        // On the read connection: a read on the write connection would open a snapshot that makes this
        // step's writes fail once another connection has written.
        synchronized (readLock) {
            try (var s = read.prepareStatement("SELECT * FROM dt_instances WHERE hub = ? AND instance_id = ?")) {
                s.setString(1, key.hub());
                s.setString(2, key.id());
                try (var rows = s.executeQuery()) {
                    if (!rows.next()) return java.util.Optional.empty();
                    var instance = instance(rows);
                    instance.history.addAll(history(read, key));
                    return java.util.Optional.of(instance);
                }
            }
        }
    }

    List<Activity> loadActivities() throws SQLException {
        var activities = new ArrayList<Activity>();
        try (var s = write.prepareStatement("SELECT id, hub, instance_id, task_id, request FROM dt_activities ORDER BY id");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                try {
                    activities.add(new Activity(rows.getLong(1), new InstanceKey(rows.getString(2), rows.getString(3)),
                            rows.getInt(4), ActivityRequest.parseFrom(rows.getBytes(5))));
                } catch (InvalidProtocolBufferException e) {
                    throw new SQLException("dt_activities row " + rows.getLong(1) + " is not a valid activity request", e);
                }
            }
        }
        return activities;
    }

    // ---- reads for views (own connection) ----

    java.util.Optional<InstanceInfo> info(InstanceKey key) throws SQLException {
        synchronized (readLock) {
            try (var s = read.prepareStatement("SELECT * FROM dt_instances WHERE hub = ? AND instance_id = ?")) {
                s.setString(1, key.hub());
                s.setString(2, key.id());
                try (var rows = s.executeQuery()) {
                    return rows.next() ? java.util.Optional.of(instance(rows).info()) : java.util.Optional.empty();
                }
            }
        }
    }

    List<HistoryEvent> history(InstanceKey key) throws SQLException {
        synchronized (readLock) {
            return history(read, key);
        }
    }

    private static List<HistoryEvent> history(Connection connection, InstanceKey key) throws SQLException {
        var events = new ArrayList<HistoryEvent>();
        try (var s = connection.prepareStatement("SELECT event FROM dt_history WHERE hub = ? AND instance_id = ? ORDER BY seq")) {
            s.setString(1, key.hub());
            s.setString(2, key.id());
            try (var rows = s.executeQuery()) {
                while (rows.next()) events.add(parse(rows.getBytes(1)));
            }
        }
        return events;
    }

    InstancePage query(String hub, InstanceQuery query) throws SQLException {
        var sql = new StringBuilder("SELECT * FROM dt_instances WHERE hub = ?");
        var args = new ArrayList<Object>(List.of(hub));
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?,".repeat(query.statuses().size() - 1)).append("?)");
            query.statuses().forEach(status -> args.add(status.name()));
        }
        query.createdFrom().ifPresent(from -> { sql.append(" AND created_ms >= ?"); args.add(from.toEpochMilli()); });
        query.createdTo().ifPresent(to -> { sql.append(" AND created_ms < ?"); args.add(to.toEpochMilli()); });
        if (!query.idPrefix().isEmpty()) {
            sql.append(" AND substr(instance_id, 1, ?) = ?");
            args.add(query.idPrefix().length());
            args.add(query.idPrefix());
        }
        var after = query.continuation().map(PageToken::parse);
        after.ifPresent(token -> {
            sql.append(" AND (created_ms < ? OR (created_ms = ? AND instance_id > ?))");
            args.addAll(List.of(token.createdMs(), token.createdMs(), token.instanceId()));
        });
        int top = query.top() > 0 ? query.top() : 100;
        sql.append(" ORDER BY created_ms DESC, instance_id ASC LIMIT ").append(top + 1);
        var found = new ArrayList<InstanceInfo>();
        synchronized (readLock) {
            try (var s = read.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        var info = instance(rows).info();
                        found.add(query.withPayloads() ? info : info.withoutPayloads());
                    }
                }
            }
        }
        if (found.size() <= top) return new InstancePage(found, java.util.Optional.empty());
        var last = found.get(top - 1);
        return new InstancePage(found.subList(0, top),
                java.util.Optional.of(new PageToken(last.created().toEpochMilli(), last.instanceId()).text()));
    }

    /// Finished instances matching `filter`, to purge.
    List<InstanceKey> finished(String hub, PurgeFilter filter) throws SQLException {
        var statuses = filter.statuses().isEmpty()
                ? java.util.Arrays.stream(RuntimeStatus.values()).filter(RuntimeStatus::terminal).toList()
                : filter.statuses().stream().filter(RuntimeStatus::terminal).toList();
        var keys = new ArrayList<InstanceKey>();
        if (statuses.isEmpty()) return keys;
        var sql = "SELECT instance_id FROM dt_instances WHERE hub = ? AND created_ms >= ? AND created_ms < ? AND status IN ("
                + "?,".repeat(statuses.size() - 1) + "?)";
        synchronized (readLock) {
            try (var s = read.prepareStatement(sql)) {
                s.setString(1, hub);
                s.setLong(2, filter.createdFrom().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
                s.setLong(3, filter.createdTo().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
                for (int i = 0; i < statuses.size(); i++) s.setString(4 + i, statuses.get(i).name());
                try (var rows = s.executeQuery()) {
                    while (rows.next()) keys.add(new InstanceKey(hub, rows.getString(1)));
                }
            }
        }
        return keys;
    }

    private static Instance instance(ResultSet rows) throws SQLException {
        var instance = new Instance(new InstanceKey(rows.getString("hub"), rows.getString("instance_id")));
        instance.executionId = rows.getString("execution_id");
        instance.name = rows.getString("name");
        instance.status = RuntimeStatus.valueOf(rows.getString("status"));
        instance.created = Instant.ofEpochMilli(rows.getLong("created_ms"));
        instance.updated = Instant.ofEpochMilli(rows.getLong("updated_ms"));
        long scheduled = rows.getLong("scheduled_ms");
        instance.scheduledStart = rows.wasNull() ? null : Instant.ofEpochMilli(scheduled);
        instance.input = rows.getString("input");
        instance.output = rows.getString("output");
        instance.customStatus = rows.getString("custom_status");
        try {
            var failure = rows.getBytes("failure");
            instance.failure = failure == null ? null : TaskFailureDetails.parseFrom(failure);
            var parent = rows.getBytes("parent");
            instance.parent = parent == null ? null : ParentInstanceInfo.parseFrom(parent);
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("instance " + instance.key + " has an unreadable failure or parent record", e);
        }
        instance.suspended = rows.getInt("suspended") == 1;
        return instance;
    }

    private static HistoryEvent parse(byte[] bytes) throws SQLException {
        try {
            return HistoryEvent.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("a stored history event is not valid protobuf", e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (write; read) {
            rollback();
        }
    }

    /// Where a page of a query ended: "createdMs:instanceId".
    record PageToken(long createdMs, String instanceId) {
        String text() { return createdMs + ":" + instanceId; }

        static PageToken parse(String text) {
            int colon = text.indexOf(':');
            try {
                return new PageToken(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("continuation token '" + text + "' is not one this backend"
                        + " answered; ask again without it for the first page");
            }
        }
    }
}
