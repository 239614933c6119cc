package dev.berth.runner.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/// Notices commits made to a SQLite database by other connections — another process such as
/// `berth queue put`, or another store in this one — by polling `PRAGMA data_version` on its own read
/// connection every `interval` (SQLite changes that value only when a different connection commits).
/// On a change it runs `onChange`, which must only signal (never block for long).
///
/// Why polling: SQLite has no cross-process notification, and the pragma reads only the WAL index
/// header, so a check costs microseconds and takes no lock a writer waits for.
///
/// Threading: one daemon virtual thread per watcher, started by [#start]; [#close] stops it and closes
/// the connection, from any thread.
public final class DataVersionWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DataVersionWatcher.class);
    /// How often a running session looks for other processes' commits.
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final Path file;
    private final Duration interval;
    private final Runnable onChange;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread thread;

    public DataVersionWatcher(Path file, Duration interval, Runnable onChange) {
        this.file = file.toAbsolutePath();
        this.interval = interval;
        this.onChange = onChange;
    }

    /// Starts watching unless already started or closed; cheap to call repeatedly. Commits before it
    /// returns are not reported (the caller reads the current state itself, after this call); every commit
    /// after it is: the starting version is read here, on the caller's thread, not later on the watcher's.
    public void start() {
        if (closed || !started.compareAndSet(false, true)) return;
        Connection db;
        long seen;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            seen = version(db);
        } catch (SQLException e) {
            log.warn("cannot watch {} for other processes' commits: {}", file, e.getMessage());
            return;
        }
        thread = Thread.ofVirtual().name("sqlite-watch-" + file.getFileName()).start(() -> watch(db, seen));
    }

    private void watch(Connection connection, long start) {
        long seen = start;
        try (var db = connection) {
            while (!closed) {
                Thread.sleep(interval);
                long now = version(db);
                if (now != seen) {
                    seen = now;
                    fire();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // Only the cross-process wake-up is lost: triggers still poll, so log instead of failing.
            if (!closed) log.warn("watching {} for other processes' commits stopped: {}", file, e.getMessage());
        }
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("change listener of {} failed: {}", file, e.toString(), e);
        }
    }

    private static long version(Connection db) throws SQLException {
        try (var s = db.createStatement(); var rows = s.executeQuery("PRAGMA data_version")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        var t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
