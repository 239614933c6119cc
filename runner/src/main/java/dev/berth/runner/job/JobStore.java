package dev.berth.runner.job;

import dev.berth.runner.project.JobSpec;
import dev.berth.runner.store.Sqlite;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// Job executions and their replica attempts in the project database (`.berth/berth.db`, tables `job_*`
/// beside the event and queue stores; additive changes only). Every save is an upsert of the whole record.
/// Thread-safe: calls are serialized on one connection.
public final class JobStore implements AutoCloseable {
    private static final String LOG_SEPARATOR = "\n";

    private final Connection db;

    private JobStore(Connection db) { this.db = db; }

    /// Opens (creating when needed) the job tables in `file`.
    public static JobStore open(Path file) throws SQLException {
        var db = Sqlite.open(file, SQLiteConfig.SynchronousMode.NORMAL);
        try (var s = db.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS job_executions(
                      name TEXT PRIMARY KEY, job TEXT NOT NULL, trigger TEXT NOT NULL, status TEXT NOT NULL,
                      reason TEXT NOT NULL, started_ms INTEGER NOT NULL, ended_ms INTEGER,
                      parallelism INTEGER NOT NULL, completion_count INTEGER NOT NULL, succeeded INTEGER NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS job_executions_job ON job_executions(job, started_ms)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS job_attempts(
                      name TEXT PRIMARY KEY, execution TEXT NOT NULL, replica INTEGER NOT NULL, attempt INTEGER NOT NULL,
                      container_id TEXT NOT NULL, status TEXT NOT NULL, exit_code INTEGER, reason TEXT NOT NULL,
                      started_ms INTEGER NOT NULL, ended_ms INTEGER, log_tail TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS job_attempts_execution ON job_attempts(execution)");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return new JobStore(db);
    }

    public synchronized void save(JobExecution e) {
        update("INSERT OR REPLACE INTO job_executions VALUES(?,?,?,?,?,?,?,?,?,?)", s -> {
            s.setString(1, e.name());
            s.setString(2, e.job());
            s.setString(3, e.trigger().name());
            s.setString(4, e.status().name());
            s.setString(5, e.reason());
            s.setLong(6, e.started().toEpochMilli());
            s.setObject(7, e.ended().map(Instant::toEpochMilli).orElse(null));
            s.setInt(8, e.parallelism());
            s.setInt(9, e.completionCount());
            s.setInt(10, e.succeeded());
        });
    }

    public synchronized void save(JobAttempt a) {
        update("INSERT OR REPLACE INTO job_attempts VALUES(?,?,?,?,?,?,?,?,?,?,?)", s -> {
            s.setString(1, a.name());
            s.setString(2, a.execution());
            s.setInt(3, a.replica());
            s.setInt(4, a.attempt());
            s.setString(5, a.containerId());
            s.setString(6, a.status().name());
            s.setObject(7, a.exitCode().isPresent() ? a.exitCode().getAsInt() : null);
            s.setString(8, a.reason());
            s.setLong(9, a.started().toEpochMilli());
            s.setObject(10, a.ended().map(Instant::toEpochMilli).orElse(null));
            s.setString(11, String.join(LOG_SEPARATOR, a.logTail()));
        });
    }

    /// The newest `limit` executions of `job` (every job when null), newest first.
    public synchronized List<JobExecution> executions(String job, int limit) {
        var sql = "SELECT * FROM job_executions" + (job == null ? "" : " WHERE job = ?")
                + " ORDER BY started_ms DESC, rowid DESC LIMIT ?";
        return query(sql, s -> {
            int i = 1;
            if (job != null) s.setString(i++, job);
            s.setInt(i, limit);
        }, JobStore::execution);
    }

    public synchronized Optional<JobExecution> execution(String name) {
        return query("SELECT * FROM job_executions WHERE name = ?", s -> s.setString(1, name), JobStore::execution)
                .stream().findFirst();
    }

    /// The attempts of `execution` by replica, then attempt.
    public synchronized List<JobAttempt> attempts(String execution) {
        return query("SELECT * FROM job_attempts WHERE execution = ? ORDER BY replica, attempt",
                s -> s.setString(1, execution), JobStore::attempt);
    }

    /// Marks executions and attempts still RUNNING (left by a Berth that ended without stopping them) as
    /// STOPPED at `now`; answers how many executions.
    public synchronized int stopLeftovers(Instant now) {
        update("UPDATE job_attempts SET status = 'STOPPED', ended_ms = ?, reason = 'Berth ended while it ran' "
                + "WHERE status = 'RUNNING'", s -> s.setLong(1, now.toEpochMilli()));
        return update("UPDATE job_executions SET status = 'STOPPED', ended_ms = ?, reason = 'Berth ended while it ran' "
                + "WHERE status = 'RUNNING'", s -> s.setLong(1, now.toEpochMilli()));
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(JobStore.class).warn("closing the job store failed", e);
        }
    }

    private static JobExecution execution(ResultSet r) throws SQLException {
        return new JobExecution(r.getString("name"), r.getString("job"), JobSpec.Trigger.valueOf(r.getString("trigger")),
                JobExecution.Status.valueOf(r.getString("status")), r.getString("reason"),
                Instant.ofEpochMilli(r.getLong("started_ms")), instant(r, "ended_ms"), r.getInt("parallelism"),
                r.getInt("completion_count"), r.getInt("succeeded"));
    }

    private static JobAttempt attempt(ResultSet r) throws SQLException {
        int code = r.getInt("exit_code");
        var exit = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
        var tail = r.getString("log_tail");
        return new JobAttempt(r.getString("name"), r.getString("execution"), r.getInt("replica"), r.getInt("attempt"),
                r.getString("container_id"), JobAttempt.Status.valueOf(r.getString("status")), exit,
                r.getString("reason"), Instant.ofEpochMilli(r.getLong("started_ms")), instant(r, "ended_ms"),
                tail.isEmpty() ? List.of() : Arrays.asList(tail.split(LOG_SEPARATOR, -1)));
    }

    private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
        long ms = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    private interface Binder { void bind(PreparedStatement s) throws SQLException; }

    private interface RowReader<T> { T read(ResultSet r) throws SQLException; }

    private int update(String sql, Binder binder) {
        try (var s = db.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (var s = db.prepareStatement(sql)) {
            binder.bind(s);
            var out = new ArrayList<T>();
            try (var r = s.executeQuery()) {
                while (r.next()) out.add(reader.read(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }
}
