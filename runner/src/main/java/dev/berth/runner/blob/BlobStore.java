package dev.berth.runner.blob;

import dev.berth.runner.blob.BlobChange.BlobCreated;
import dev.berth.runner.blob.BlobChange.BlobDeleted;
import dev.berth.runner.queue.DataVersionWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/// Embedded blob storage with Azure semantics: contents are files under a folder, properties live in
/// `blob_*` tables of the project database. A put writes and fsyncs the bytes first and commits the
/// metadata last, so a crash never leaves metadata pointing at a half-written file.
/// Thread-safe: metadata access is serialized by one lock; content bytes are streamed outside it.
/// Subscribers are called on the writing thread right after each commit. Commits by other connections
/// (`berth blob put` in another process) are not described change by change: [#onExternalChange]
/// listeners hear of them within ~100 ms on a [DataVersionWatcher] thread and re-scan.
public final class BlobStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final ReentrantLock lock = new ReentrantLock();
    private final List<BlobChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> externalListeners = new CopyOnWriteArrayList<>();
    private final DataVersionWatcher watcher;
    private final Connection db;
    private final BlobFiles files;
    private final Clock clock;

    private BlobStore(Connection db, BlobFiles files, Clock clock, Path databaseFile) {
        this.db = db;
        this.files = files;
        this.clock = clock;
        this.watcher = new DataVersionWatcher(databaseFile, DataVersionWatcher.DEFAULT_INTERVAL,
                () -> externalListeners.forEach(Runnable::run));
    }

    /// Opens the store on `databaseFile` (e.g. `.berth/berth.db`) with contents under `contentRoot`
    /// (e.g. `.berth/blobs`), removing version files that a crash left unreferenced.
    public static BlobStore open(Path databaseFile, Path contentRoot, Clock clock) throws SQLException, IOException {
        var db = BlobDb.connect(databaseFile);
        try {
            var store = new BlobStore(db, new BlobFiles(contentRoot), clock, databaseFile);
            int removed = store.files.sweep(store.referencedFiles());
            if (removed > 0) log.info("removed {} unreferenced blob files left by an interrupted write", removed);
            return store;
        } catch (SQLException | IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /// Registers `listener` for changes committed from now on; closing the result unsubscribes.
    public AutoCloseable subscribe(BlobChangeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /// Calls `listener` (on a watcher thread, within ~100 ms) after another connection or process commits
    /// to the database — possibly a blob put or delete, possibly anything else in `berth.db`, so the
    /// listener re-reads what it cares about. It must not block. The first registration starts the watcher
    /// thread, so short-lived CLI stores never run one; closing the result unsubscribes.
    public AutoCloseable onExternalChange(Runnable listener) {
        externalListeners.add(listener);
        watcher.start();
        return () -> externalListeners.remove(listener);
    }

    // ---- containers -------------------------------------------------------------------------------

    /// Creates `container`; returns false when it already exists.
    public boolean createContainer(String container) {
        BlobNames.container(container);
        return locked(() -> {
            try (var s = db.prepareStatement("INSERT OR IGNORE INTO blob_containers(name, created_ms) VALUES (?,?)")) {
                s.setString(1, container);
                s.setLong(2, clock.millis());
                return s.executeUpdate() == 1;
            }
        });
    }

    /// All container names, sorted.
    public List<String> listContainers() {
        return locked(() -> {
            try (var s = db.prepareStatement("SELECT name FROM blob_containers ORDER BY name")) {
                var rows = s.executeQuery();
                var names = new ArrayList<String>();
                while (rows.next()) names.add(rows.getString(1));
                return names;
            }
        });
    }

    /// Deletes `container` with all its blobs. No per-blob change is published, as in Azure.
    public void deleteContainer(String container) {
        BlobNames.container(container);
        locked(() -> {
            requireContainer(container);
            inTransaction(() -> {
                for (var sql : List.of("DELETE FROM blob_blobs WHERE container = ?",
                        "DELETE FROM blob_containers WHERE name = ?")) {
                    try (var s = db.prepareStatement(sql)) {
                        s.setString(1, container);
                        s.executeUpdate();
                    }
                }
            });
            deleteContainerFiles(container);
            return null;
        });
    }

    // ---- blobs ------------------------------------------------------------------------------------

    /// Writes a blob from bytes (no user metadata).
    public BlobProperties put(String container, String name, byte[] content, String contentType) {
        return put(container, name, new ByteArrayInputStream(content), contentType, Map.of(), null);
    }

    /// Writes a blob version atomically. `ifMatchETag` (null for none) must equal the current ETag, or
    /// `*` for "must exist"; otherwise `BlobConditionFailedException` and nothing changes.
    public BlobProperties put(String container, String name, InputStream content, String contentType,
                              Map<String, String> metadata, String ifMatchETag) {
        BlobNames.container(container);
        BlobNames.blob(name);
        BlobMetadata.check(metadata);
        locked(() -> requireContainer(container));
        BlobFiles.Written written;
        try {
            written = files.write(container, name, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob '" + container + "/" + BlobNames.printable(name)
                    + "' under " + files.resolve(container) + ": " + e.getMessage(), e);
        }
        var properties = new BlobProperties(container, name,
                contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType, written.length(),
                newETag(), clock.instant(), metadata, written.md5());
        String replaced;
        try {
            replaced = locked(() -> commitPut(properties, written.file(), ifMatchETag));
        } catch (RuntimeException e) {
            deleteFile(written.file());
            throw e;
        }
        if (replaced != null) deleteFile(replaced);
        publish(new BlobCreated(container, name, properties.lastModified(), "PutBlob", properties.contentType(),
                properties.length(), properties.eTag()));
        return properties;
    }

    /// Returns the replaced version's file, or null for a new blob.
    private String commitPut(BlobProperties p, String file, String ifMatchETag) throws SQLException {
        requireContainer(p.container());
        var current = row(p.container(), p.name());
        checkIfMatch(p.path(), ifMatchETag, current == null ? null : current.properties().eTag());
        try (var s = db.prepareStatement("INSERT OR REPLACE INTO blob_blobs(container, name, file, content_type, length,"
                + " etag, modified_ms, metadata, md5) VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, p.container());
            s.setString(2, p.name());
            s.setString(3, file);
            s.setString(4, p.contentType());
            s.setLong(5, p.length());
            s.setString(6, p.eTag());
            s.setLong(7, p.lastModified().toEpochMilli());
            s.setString(8, BlobMetadata.encode(p.metadata()));
            s.setString(9, p.contentMd5());
            s.executeUpdate();
        }
        return current == null ? null : current.file();
    }

    /// Contents and properties of the current version.
    public BlobContent get(String container, String name) {
        // The stream is opened under the lock, so a concurrent put cannot delete the file first; the
        // bytes are read outside it (an open file stays readable after its name is removed).
        record Opened(BlobProperties properties, InputStream in) {}
        var opened = locked(() -> {
            var row = requireRow(container, name);
            return new Opened(row.properties(), Files.newInputStream(files.resolve(row.file())));
        });
        try (var in = opened.in()) {
            return new BlobContent(opened.properties(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob '" + opened.properties().path() + "': " + e.getMessage(), e);
        }
    }

    /// Properties of the current version.
    public BlobProperties getProperties(String container, String name) {
        return locked(() -> requireRow(container, name).properties());
    }

    /// Blobs of `container` whose names start with `prefix` (null or empty for all), sorted by name,
    /// at most `maxResults`, continuing after `marker` (null for the first page).
    public BlobPage list(String container, String prefix, int maxResults, String marker) {
        BlobNames.container(container);
        if (maxResults < 1 || maxResults > 5000) {
            throw new IllegalArgumentException("maxResults " + maxResults + " (field 'maxResults') must be 1 to 5000");
        }
        String p = prefix == null ? "" : prefix;
        return locked(() -> {
            requireContainer(container);
            try (var s = db.prepareStatement("SELECT * FROM blob_blobs WHERE container = ? AND substr(name, 1, ?) = ?"
                    + " AND (? IS NULL OR name > ?) ORDER BY name LIMIT ?")) {
                s.setString(1, container);
                s.setInt(2, p.length());
                s.setString(3, p);
                s.setString(4, marker);
                s.setString(5, marker);
                s.setInt(6, maxResults + 1);
                var rows = s.executeQuery();
                var blobs = new ArrayList<BlobProperties>();
                while (rows.next()) blobs.add(readRow(rows).properties());
                if (blobs.size() <= maxResults) return new BlobPage(blobs, null);
                blobs.removeLast();
                return new BlobPage(blobs, blobs.getLast().name());
            }
        });
    }

    /// Deletes the blob (Azure: 404 when missing).
    public void delete(String container, String name) {
        delete(container, name, null);
    }

    /// Deletes the blob when its ETag matches `ifMatchETag` (null: unconditional).
    public void delete(String container, String name, String ifMatchETag) {
        var deleted = locked(() -> {
            var row = requireRow(container, name);
            checkIfMatch(row.properties().path(), ifMatchETag, row.properties().eTag());
            try (var s = db.prepareStatement("DELETE FROM blob_blobs WHERE container = ? AND name = ?")) {
                s.setString(1, container);
                s.setString(2, name);
                s.executeUpdate();
            }
            return row;
        });
        deleteFile(deleted.file());
        var p = deleted.properties();
        publish(new BlobDeleted(container, name, clock.instant(), "DeleteBlob", p.contentType(), p.eTag()));
    }

    @Override
    public void close() {
        watcher.close();
        locked(() -> {
            db.close();
            return null;
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private record Row(BlobProperties properties, String file) {}

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    @FunctionalInterface
    private interface Statements {
        void run() throws SQLException;
    }

    private <T> T locked(Work<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("blob store database error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("blob store file error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void inTransaction(Statements statements) throws SQLException {
        db.setAutoCommit(false);
        try {
            statements.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private Void requireContainer(String container) throws SQLException {
        try (var s = db.prepareStatement("SELECT 1 FROM blob_containers WHERE name = ?")) {
            s.setString(1, container);
            if (!s.executeQuery().next()) {
                throw new BlobNotFoundException("blob container '" + container + "' does not exist;"
                        + " create it first (e.g. `berth blob` or the Blob explorer)");
            }
        }
        return null;
    }

    private Row requireRow(String container, String name) throws SQLException {
        BlobNames.container(container);
        BlobNames.blob(name);
        requireContainer(container);
        var row = row(container, name);
        if (row == null) {
            throw new BlobNotFoundException("blob '" + container + "/" + BlobNames.printable(name)
                    + "' does not exist; list the container to see its blobs");
        }
        return row;
    }

    private Row row(String container, String name) throws SQLException {
        try (var s = db.prepareStatement("SELECT * FROM blob_blobs WHERE container = ? AND name = ?")) {
            s.setString(1, container);
            s.setString(2, name);
            var rows = s.executeQuery();
            return rows.next() ? readRow(rows) : null;
        }
    }

    private Row readRow(ResultSet rows) throws SQLException {
        var properties = new BlobProperties(rows.getString("container"), rows.getString("name"),
                rows.getString("content_type"), rows.getLong("length"), rows.getString("etag"),
                Instant.ofEpochMilli(rows.getLong("modified_ms")), BlobMetadata.decode(rows.getString("metadata")),
                rows.getString("md5"));
        return new Row(properties, rows.getString("file"));
    }

    private Set<String> referencedFiles() throws SQLException {
        var referenced = new HashSet<String>();
        try (var s = db.createStatement()) {
            var rows = s.executeQuery("SELECT file FROM blob_blobs");
            while (rows.next()) referenced.add(rows.getString(1));
        }
        return referenced;
    }

    private static void checkIfMatch(String path, String ifMatch, String current) {
        if (ifMatch == null) return;
        if (ifMatch.equals("*") ? current == null : !ifMatch.equals(current)) {
            throw new BlobConditionFailedException(path, ifMatch, current);
        }
    }

    /// Quoted like Azure's (`"0x8DC…"`); random, so every write, even within one millisecond, differs.
    private static String newETag() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "\"0x" + HexFormat.of().withUpperCase().formatHex(bytes) + "\"";
    }

    private void publish(BlobChange change) {
        for (var listener : listeners) {
            try {
                listener.onChange(change);
            } catch (RuntimeException e) {
                log.warn("blob change listener failed on {}: {}", change.url(), e.toString());
            }
        }
    }

    private void deleteContainerFiles(String container) {
        try {
            files.deleteContainer(container);
        } catch (IOException e) {
            // The rows are gone, so leftovers are unreferenced and the next open sweeps them.
            log.warn("cannot remove all files of blob container {}: {}", container, e.getMessage());
        }
    }

    private void deleteFile(String file) {
        try {
            files.delete(file);
        } catch (IOException e) {
            // Harmless: the next open sweeps unreferenced files.
            log.warn("cannot delete old blob file {}: {}", file, e.getMessage());
        }
    }
}
