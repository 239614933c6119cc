package dev.berth.runner.store;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.RunnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// The project's event log in SQLite (`.berth/berth.db`, WAL mode). `onEvent` only enqueues; one writer
/// thread commits events in batches, so 10k log lines per second cost a few transactions, not 10k.
/// Readers use their own connection and see everything committed. Thread-safe.
public final class EventStore implements EventListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStore.class);
    private static final int MAX_BATCH = 2_000;

    private final EventCodec codec = new EventCodec();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Connection writer;
    private final Connection reader;
    private final String session;
    private final Thread writerThread;
    private volatile boolean closed;
    /// Set when the writer thread has ended (closed, or failed: then `writerFailure` says why).
    private volatile boolean writerDone;
    private volatile Throwable writerFailure;

    private record Flush(CompletableFuture<Void> done) {}

    private static final Object STOP = new Object();

    /// Opens (creating when needed) the database at `file`; `session` tags every row written.
    public static EventStore open(Path file, String session) throws SQLException {
        Sqlite.createParent(file);
        return new EventStore(file, session);
    }

    private EventStore(Path file, String session) throws SQLException {
        this.session = session;
        this.writer = connect(file);
        try {
            Schema.apply(writer);
            this.reader = connect(file);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        this.writerThread = Thread.ofPlatform().name("berth-event-store").daemon().start(this::writeLoop);
    }

    private static Connection connect(Path file) throws SQLException {
        // NORMAL in WAL mode survives a killed process (only a power cut can lose the last commits).
        return Sqlite.connect(file, SQLiteConfig.SynchronousMode.NORMAL);
    }

    @Override
    public void onEvent(RunnerEvent event) {
        if (!closed && !writerDone) queue.add(event);
    }

    /// Waits until everything handed to `onEvent` before this call is committed. Returns at once after
    /// `close` (everything was committed then); throws at once when the writer has failed.
    public void flush(Duration timeout) {
        var done = new CompletableFuture<Void>();
        queue.add(new Flush(done));
        // The writer sets `writerDone` before its last drain of the queue, so a flush queued too late
        // for that drain sees the flag here instead of waiting out its timeout.
        if (writerDone) {
            if (writerFailure != null) throw writerStopped(writerFailure);
            return;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException stopped ? stopped : writerStopped(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("event store did not flush within " + timeout, e);
        }
    }

    private void writeLoop() {
        var batch = new ArrayList<Object>();
        try (var insertEvent = writer.prepareStatement(
                     "INSERT INTO events(session, at_ms, kind, body) VALUES (?,?,?,?)");
             var insertInvocation = writer.prepareStatement(
                     "INSERT OR REPLACE INTO invocations(id, session, at_ms, function, replica, status, duration_ms,"
                             + " error, request, response) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = commit(batch, insertEvent, insertInvocation);
                batch.clear();
                if (stop) return;
            }
        } catch (InterruptedException e) {
            writerFailure = e;
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            log.error("event store writer stopped; events are no longer persisted", e);
            writerFailure = e;
        } finally {
            // The writer thread owns its connection: `close` never closes it under a write in progress.
            closeQuietly(writer);
            writerDone = true;
            releaseFlushes(batch);
            var left = new ArrayList<Object>();
            queue.drainTo(left);
            releaseFlushes(left);
        }
    }

    /// Flushes the writer will never reach: done after a clean stop, failed after a failure.
    private void releaseFlushes(List<Object> items) {
        for (var item : items) {
            if (!(item instanceof Flush flush)) continue;
            if (writerFailure == null) flush.done().complete(null);
            else flush.done().completeExceptionally(writerStopped(writerFailure));
        }
    }

    private static IllegalStateException writerStopped(Throwable cause) {
        return new IllegalStateException("the event store's writer stopped (" + cause.getMessage()
                + "); events of this run are no longer saved in .berth/berth.db", cause);
    }

    /// Commits a batch in one transaction. When that fails, it is rolled back and its events are saved one
    /// by one, so one event the database refuses costs that event (logged) and not the rest of the session.
    /// Only when the database itself fails (see `healthy`) does the exception end the writer.
    private boolean commit(List<Object> batch, PreparedStatement insertEvent, PreparedStatement insertInvocation)
            throws SQLException {
        boolean stop = false;
        var flushes = new ArrayList<Flush>();
        var events = new ArrayList<RunnerEvent>(batch.size());
        for (var item : batch) {
            switch (item) {
                case RunnerEvent event -> events.add(event);
                case Flush flush -> flushes.add(flush);
                default -> stop = true;
            }
        }
        try {
            write(events, insertEvent, insertInvocation);
        } catch (SQLException | RuntimeException batchFailure) {
            if (events.size() == 1) skipOrFail(events.getFirst(), batchFailure);
            else for (var event : events) writeOne(event, insertEvent, insertInvocation);
        }
        flushes.forEach(f -> f.done().complete(null));
        return stop;
    }

    private void writeOne(RunnerEvent event, PreparedStatement insertEvent, PreparedStatement insertInvocation)
            throws SQLException {
        try {
            write(List.of(event), insertEvent, insertInvocation);
        } catch (SQLException | RuntimeException e) {
            skipOrFail(event, e);
        }
    }

    /// One transaction; rolled back (and the statements' batches cleared) when it fails.
    private void write(List<RunnerEvent> events, PreparedStatement insertEvent, PreparedStatement insertInvocation)
            throws SQLException {
        writer.setAutoCommit(false);
        try {
            for (var event : events) addEvent(event, insertEvent, insertInvocation);
            insertEvent.executeBatch();
            insertInvocation.executeBatch();
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            insertEvent.clearBatch();
            insertInvocation.clearBatch();
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private void skipOrFail(RunnerEvent event, Exception failure) throws SQLException {
        if (!healthy()) {
            if (failure instanceof SQLException sql) throw sql;
            throw (RuntimeException) failure;
        }
        log.error("event store: skipped an event the database refused ({}): {}", failure.toString(), event);
    }

    /// Whether the database still answers a query on both tables: then a failed write was the event's fault.
    private boolean healthy() {
        try (var s = writer.createStatement()) {
            s.executeQuery("SELECT 1 FROM events WHERE 0").close();
            s.executeQuery("SELECT 1 FROM invocations WHERE 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void addEvent(RunnerEvent event, PreparedStatement insertEvent, PreparedStatement insertInvocation)
            throws SQLException {
        insertEvent.setString(1, session);
        insertEvent.setLong(2, event.at().toEpochMilli());
        insertEvent.setString(3, codec.kind(event));
        insertEvent.setString(4, codec.encode(event));
        insertEvent.addBatch();
        if (event instanceof InvocationFinished done) {
            InvocationRows.bind(insertInvocation, session, done);
            insertInvocation.addBatch();
        }
    }

    /// The newest `last` finished invocations of any session, newest first.
    public List<InvocationFinished> recentInvocations(int last) {
        synchronized (reader) {
            try (var query = reader.prepareStatement(
                    "SELECT * FROM invocations ORDER BY at_ms DESC, rowid DESC LIMIT ?")) {
                query.setInt(1, last);
                return InvocationRows.readAll(query.executeQuery());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read invocations from the event store: " + e.getMessage(), e);
            }
        }
    }

    /// Stored events of `session` (all sessions when null), oldest first, at most `limit`.
    public List<RunnerEvent> events(String sessionOrNull, int limit) {
        synchronized (reader) {
            try (var query = reader.prepareStatement(
                    "SELECT kind, body FROM events WHERE (? IS NULL OR session = ?) ORDER BY seq LIMIT ?")) {
                query.setString(1, sessionOrNull);
                query.setString(2, sessionOrNull);
                query.setInt(3, limit);
                var rows = query.executeQuery();
                var events = new ArrayList<RunnerEvent>();
                while (rows.next()) events.add(codec.decode(rows.getString(1), rows.getString(2)));
                return events;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read events from the event store: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            if (!writerThread.join(Duration.ofSeconds(10))) {
                // It closes its connection itself when it gets there; closing it here would fail its write.
                log.warn("the event store's writer is still busy after 10 s; its last events may be lost");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (reader) {
            closeQuietly(reader);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the event store: {}", e.getMessage());
        }
    }
}
