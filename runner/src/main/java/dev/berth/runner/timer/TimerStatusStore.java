package dev.berth.runner.timer;

import dev.berth.runner.store.Sqlite;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/// The schedule monitor's memory: one row per timer in table `timer_status` of the project database
/// (`.berth/berth.db`, shared with the event store; WAL and a busy timeout let both write). Thread-safe:
/// calls are serialized on the store's own connection.
public final class TimerStatusStore implements AutoCloseable {
    private final Connection connection;

    private TimerStatusStore(Connection connection) {
        this.connection = connection;
    }

    /// Opens (creating when needed) the database at `file` and the `timer_status` table in it.
    public static TimerStatusStore open(Path file) throws SQLException {
        var connection = Sqlite.open(file, SQLiteConfig.SynchronousMode.NORMAL);
        try (var s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS timer_status(
                      function TEXT PRIMARY KEY, last_ms INTEGER, next_ms INTEGER NOT NULL,
                      last_updated_ms INTEGER)""");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new TimerStatusStore(connection);
    }

    /// The stored status of `function`, empty when it never had one.
    public synchronized Optional<ScheduleStatus> load(String function) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT last_ms, next_ms, last_updated_ms FROM timer_status WHERE function = ?")) {
            query.setString(1, function);
            try (var row = query.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new ScheduleStatus(instant(row, 1), Instant.ofEpochMilli(row.getLong(2)),
                        instant(row, 3)));
            }
        }
    }

    /// Stores `status` as the status of `function`, replacing what was there.
    public synchronized void save(String function, ScheduleStatus status) throws SQLException {
        try (var upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO timer_status(function, last_ms, next_ms, last_updated_ms) VALUES (?,?,?,?)")) {
            upsert.setString(1, function);
            upsert.setObject(2, status.last().map(Instant::toEpochMilli).orElse(null));
            upsert.setLong(3, status.next().toEpochMilli());
            upsert.setObject(4, status.lastUpdated().map(Instant::toEpochMilli).orElse(null));
            upsert.executeUpdate();
        }
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long ms = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
