package dev.berth.runner.blob;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/// Per function and blob version (container, name, ETag): whether it was processed, and how many
/// attempts failed. A version with a receipt in state `done` or `poisoned` never triggers that function
/// again, also after a restart; failed attempts are counted durably, so a restart does not reset the
/// retry budget. Thread-safe (one connection, calls serialized).
public final class BlobReceipts implements AutoCloseable {
    private final Connection db;
    private final Clock clock;

    private BlobReceipts(Connection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /// Opens the `blob_receipts` table in the project database `databaseFile`.
    public static BlobReceipts open(Path databaseFile, Clock clock) throws SQLException {
        return new BlobReceipts(BlobDb.connect(databaseFile), clock);
    }

    /// True when `function` has finished with this version, successfully or by giving up (poison).
    public synchronized boolean isComplete(String function, String container, String name, String eTag) {
        try (var s = db.prepareStatement("SELECT state FROM blob_receipts WHERE function = ? AND container = ?"
                + " AND name = ? AND etag = ? AND state IN ('done', 'poisoned')")) {
            bindKey(s, function, container, name, eTag);
            return s.executeQuery().next();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /// A blob version as (container, name, ETag).
    public record Version(String container, String name, String eTag) {}

    /// Current blob versions in `container` that `function` has not completed, sorted by name: the
    /// catch-up work after a restart. One query; reads the store's `blob_blobs` table.
    public synchronized List<Version> unprocessed(String function, String container) {
        try (var s = db.prepareStatement("SELECT b.name, b.etag FROM blob_blobs b WHERE b.container = ? AND NOT EXISTS"
                + " (SELECT 1 FROM blob_receipts r WHERE r.function = ? AND r.container = b.container"
                + " AND r.name = b.name AND r.etag = b.etag AND r.state IN ('done', 'poisoned')) ORDER BY b.name")) {
            s.setString(1, container);
            s.setString(2, function);
            var rows = s.executeQuery();
            var versions = new ArrayList<Version>();
            while (rows.next()) versions.add(new Version(container, rows.getString(1), rows.getString(2)));
            return versions;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /// Failed attempts recorded so far for this version.
    public synchronized int failedAttempts(String function, String container, String name, String eTag) {
        try (var s = db.prepareStatement("SELECT attempts FROM blob_receipts WHERE function = ? AND container = ?"
                + " AND name = ? AND etag = ?")) {
            bindKey(s, function, container, name, eTag);
            var rows = s.executeQuery();
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /// Records a failed attempt and returns the number of failed attempts so far.
    public synchronized int recordFailure(String function, String container, String name, String eTag, String error) {
        try (var s = db.prepareStatement("INSERT INTO blob_receipts(function, container, name, etag, state, attempts,"
                + " last_error, updated_ms) VALUES (?,?,?,?,'failed',1,?,?) ON CONFLICT(function, container, name, etag)"
                + " DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error,"
                + " updated_ms = excluded.updated_ms")) {
            bindKey(s, function, container, name, eTag);
            s.setString(5, error == null ? "" : error);
            s.setLong(6, clock.millis());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        return failedAttempts(function, container, name, eTag);
    }

    /// The version was processed successfully.
    public void markDone(String function, String container, String name, String eTag) {
        complete(function, container, name, eTag, "done");
    }

    /// The version failed too often and went to the poison sink; it is not retried.
    public void markPoisoned(String function, String container, String name, String eTag) {
        complete(function, container, name, eTag, "poisoned");
    }

    private synchronized void complete(String function, String container, String name, String eTag, String state) {
        try {
            db.setAutoCommit(false);
            // Receipts of older versions of the same blob are obsolete: only the current ETag can trigger.
            try (var old = db.prepareStatement("DELETE FROM blob_receipts WHERE function = ? AND container = ?"
                    + " AND name = ? AND etag <> ?");
                 var s = db.prepareStatement("INSERT INTO blob_receipts(function, container, name, etag, state,"
                         + " attempts, last_error, updated_ms) VALUES (?,?,?,?,?,0,'',?) ON CONFLICT(function,"
                         + " container, name, etag) DO UPDATE SET state = excluded.state,"
                         + " updated_ms = excluded.updated_ms")) {
                bindKey(old, function, container, name, eTag);
                old.executeUpdate();
                bindKey(s, function, container, name, eTag);
                s.setString(5, state);
                s.setLong(6, clock.millis());
                s.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure(e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private static void bindKey(java.sql.PreparedStatement s, String function, String container, String name,
                                String eTag) throws SQLException {
        s.setString(1, function);
        s.setString(2, container);
        s.setString(3, name);
        s.setString(4, eTag);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("blob receipts database error: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
