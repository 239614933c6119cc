package dev.berth.runner.queue;

import dev.berth.runner.queue.MessageRows.Row;
import dev.berth.runner.store.Sqlite;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static dev.berth.runner.queue.QueueException.Code.MESSAGE_NOT_FOUND;
import static dev.berth.runner.queue.QueueException.Code.POP_RECEIPT_MISMATCH;
import static dev.berth.runner.queue.QueueException.Code.QUEUE_NOT_FOUND;

/// Embedded durable queues with Azure Storage queue semantics, in the project's SQLite database
/// (tables `queue_*`, WAL, `synchronous=NORMAL`, so a put that returned survives a killed process).
/// Each call is one transaction; time comes from the injected clock. Messages that pass their
/// time-to-live are invisible to every call and purged lazily.
///
/// Thread-safe: calls are serialized on one connection (SQLite has one writer anyway). Listeners
/// registered with [#onMessagesAdded] run on the putting thread right after the commit; for commits by
/// other connections (`berth queue put` in another process) they run on a [DataVersionWatcher] thread
/// within ~100 ms, for every queue, since the watcher cannot tell which queue changed.
public final class QueueStore implements AutoCloseable {
    private static final long PURGE_EVERY_MS = 1_000;

    private final Clock clock;
    private final Connection db;
    private final MessageRows rows;
    private final QueueRows queues;
    private final QueueSignals signals = new QueueSignals();
    private final DataVersionWatcher watcher;
    private final Object lock = new Object();
    private long lastPurgeMs;
    private boolean closed;

    /// A registration that stops when closed.
    public interface Subscription extends AutoCloseable {
        @Override void close();
    }

    /// Opens (creating when needed) the queue tables in the database `file`, e.g. `.berth/berth.db`.
    public static QueueStore open(Path file, Clock clock) throws SQLException {
        Sqlite.createParent(file);
        return new QueueStore(file, clock);
    }

    private QueueStore(Path file, Clock clock) throws SQLException {
        this.clock = clock;
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit is in the WAL (the OS's page cache) before it returns, so an
        // acknowledged put survives a killed Berth; only an OS crash or power cut can take the newest
        // commits. FULL (an fsync per commit) made the queue 5-7x slower — see docs/decisions/0005.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        // IMMEDIATE takes the write lock at BEGIN, so two connections never deadlock upgrading a read lock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        QueueSchema.apply(db);
        this.rows = new MessageRows(db);
        this.queues = new QueueRows(db);
        this.watcher = new DataVersionWatcher(file, DataVersionWatcher.DEFAULT_INTERVAL, signals::addedAnywhere);
    }

    // ---- queues ----

    /// Creates `queue` unless it exists; answers whether it was created.
    public boolean createIfNotExists(String queue) {
        QueueLimits.checkName(queue);
        return transaction(() -> queues.create(queue, clock.millis()));
    }

    /// Every queue, sorted by name.
    public List<String> listQueues() {
        return transaction(queues::list);
    }

    public boolean exists(String queue) {
        return transaction(() -> queues.exists(queue));
    }

    /// Deletes `queue` and its messages (not its poison queue, which is a queue of its own).
    public void deleteQueue(String queue) {
        QueueLimits.checkName(queue);
        transaction(() -> {
            requireQueue(queue);
            rows.clear(queue);
            queues.delete(queue);
            return null;
        });
    }

    /// Deletes every message of `queue`, in flight or not; answers how many.
    public int clear(String queue) {
        QueueLimits.checkName(queue);
        return transaction(() -> {
            requireQueue(queue);
            return rows.clear(queue);
        });
    }

    // ---- messages ----

    /// Puts one message visible at once, expiring after 7 days.
    public QueueMessage put(String queue, String text) {
        return put(queue, text, Duration.ZERO, QueueLimits.DEFAULT_TTL);
    }

    /// Puts one message, hidden for `visibilityDelay`, expiring after `timeToLive`
    /// ([QueueLimits#NEVER_EXPIRES] for never). The answer carries a pop receipt, as Azure's does.
    public QueueMessage put(String queue, String text, Duration visibilityDelay, Duration timeToLive) {
        return putAll(queue, Collections.singletonList(text), visibilityDelay, timeToLive).getFirst();
    }

    /// Puts several messages in one transaction: all or none.
    public List<QueueMessage> putAll(String queue, List<String> texts, Duration visibilityDelay, Duration timeToLive) {
        QueueLimits.checkName(queue);
        QueueLimits.checkVisibility("visibilityTimeout", visibilityDelay);
        QueueLimits.checkTtl(timeToLive);
        QueueLimits.checkDelayBeforeExpiry(visibilityDelay, timeToLive);
        texts.forEach(QueueLimits::checkText);
        var put = transaction(() -> {
            requireQueue(queue);
            long now = clock.millis();
            long visible = now + visibilityDelay.toMillis();
            long expires = timeToLive.equals(QueueLimits.NEVER_EXPIRES) ? MessageRows.NEVER_MS : now + timeToLive.toMillis();
            var out = new ArrayList<QueueMessage>(texts.size());
            for (var text : texts) {
                var message = new QueueMessage(queue, MessageRows.newId(now), text, Instant.ofEpochMilli(now),
                        Instant.ofEpochMilli(expires), MessageRows.newPopReceipt(), Instant.ofEpochMilli(visible), 0);
                rows.addInsert(message);
                out.add(message);
            }
            rows.flushInserts();
            return out;
        });
        signals.added(queue);
        return put;
    }

    /// Up to `n` (1..32) visible messages, oldest first, without changing them; pop receipts are null.
    public List<QueueMessage> peek(String queue, int n) {
        QueueLimits.checkName(queue);
        QueueLimits.checkCount("number of messages", n);
        return transaction(() -> {
            requireQueue(queue);
            return rows.due(queue, n, clock.millis()).stream()
                    .map(r -> r.message().withoutReceipt()).toList();
        });
    }

    /// Dequeues up to `n` (1..32) visible messages: each becomes invisible for `visibilityTimeout`, its
    /// dequeue count goes up by one and it gets a new pop receipt (the previous one stops working).
    public List<QueueMessage> get(String queue, int n, Duration visibilityTimeout) {
        QueueLimits.checkName(queue);
        QueueLimits.checkCount("number of messages", n);
        QueueLimits.checkVisibility("visibilityTimeout", visibilityTimeout);
        return transaction(() -> {
            requireQueue(queue);
            long now = clock.millis();
            purgeExpiredNow(now);
            var visibleAt = Instant.ofEpochMilli(now + visibilityTimeout.toMillis());
            var out = new ArrayList<QueueMessage>();
            for (var row : rows.due(queue, n, now)) {
                var receipt = MessageRows.newPopReceipt();
                rows.addDequeue(row.seq(), visibleAt.toEpochMilli(), receipt);
                var m = row.message();
                out.add(new QueueMessage(queue, m.id(), m.text(), m.insertionTime(), m.expirationTime(), receipt,
                        visibleAt, m.dequeueCount() + 1));
            }
            if (!out.isEmpty()) rows.flushDequeues();
            return out;
        });
    }

    private void purgeExpiredNow(long now) throws SQLException {
        if (now - lastPurgeMs < PURGE_EVERY_MS && now >= lastPurgeMs) return;
        lastPurgeMs = now;
        rows.purgeExpired(now);
    }

    /// Deletes a message dequeued with `popReceipt`; refused when the receipt is not its latest one.
    public void delete(String queue, String id, String popReceipt) {
        deleteAll(List.of(new QueueMessage(queue, id, "", Instant.EPOCH, Instant.EPOCH, popReceipt, Instant.EPOCH, 0)));
    }

    /// Deletes several dequeued messages (each by its `queue`, `id` and `popReceipt`) in one transaction:
    /// when one is refused, none is deleted.
    public void deleteAll(List<QueueMessage> messages) {
        messages.forEach(m -> {
            QueueLimits.checkName(m.queue());
            QueueLimits.checkReceipt(m.id(), m.popReceipt());
        });
        transaction(() -> {
            for (var m : messages) {
                if (!rows.delete(m.queue(), m.id(), m.popReceipt())) throw refusal(m.queue(), m.id(), "delete");
            }
            return null;
        });
    }

    /// Makes a dequeued message visible again after `visibilityTimeout` (0 = at once) and replaces its
    /// text when `newText` is not null. Answers the message with its new pop receipt.
    public QueueMessage update(String queue, String id, String popReceipt, Duration visibilityTimeout, String newText) {
        QueueLimits.checkName(queue);
        QueueLimits.checkReceipt(id, popReceipt);
        QueueLimits.checkVisibility("visibilityTimeout", visibilityTimeout);
        if (newText != null) QueueLimits.checkText(newText);
        return transaction(() -> {
            long now = clock.millis();
            var row = owned(queue, id, popReceipt, now, "update");
            var m = row.message();
            long visible = now + visibilityTimeout.toMillis();
            if (visible > m.expirationTime().toEpochMilli()) {
                throw QueueLimits.invalid("visibilityTimeout " + visibilityTimeout + " would keep message " + id
                        + " hidden past its expiration at " + m.expirationTime() + "; use a shorter timeout");
            }
            var receipt = MessageRows.newPopReceipt();
            var text = newText == null ? m.text() : newText;
            rows.update(row.seq(), visible, receipt, text);
            return new QueueMessage(queue, id, text, m.insertionTime(), m.expirationTime(), receipt,
                    Instant.ofEpochMilli(visible), m.dequeueCount());
        });
    }

    /// Moves a dequeued message to `<queue>-poison` (created when missing), visible at once, keeping its
    /// id, text, insertion time and dequeue count so the explorer shows how often it failed.
    public QueueMessage moveToPoison(String queue, String id, String popReceipt) {
        var poison = QueueLimits.poisonName(queue);
        QueueLimits.checkReceipt(id, popReceipt);
        var moved = transaction(() -> {
            long now = clock.millis();
            var row = owned(queue, id, popReceipt, now, "move to " + poison);
            queues.create(poison, now);
            return move(row.seq(), row.message(), poison, now, row.message().dequeueCount());
        });
        signals.added(poison);
        return moved;
    }

    /// Moves every message of a poison queue back to its source queue (created when missing), visible
    /// at once with dequeue count 0. Answers how many moved.
    public int redrive(String poisonQueue) {
        QueueLimits.checkName(poisonQueue);
        if (!poisonQueue.endsWith(QueueLimits.POISON_SUFFIX) || poisonQueue.length() - QueueLimits.POISON_SUFFIX.length() < 3) {
            throw QueueLimits.invalid("queue '" + poisonQueue + "' is not a poison queue (its name must be <queue>"
                    + QueueLimits.POISON_SUFFIX + "); pick the poison queue of the queue to re-drive");
        }
        var source = poisonQueue.substring(0, poisonQueue.length() - QueueLimits.POISON_SUFFIX.length());
        QueueLimits.checkName(source);
        int moved = transaction(() -> {
            requireQueue(poisonQueue);
            long now = clock.millis();
            queues.create(source, now);
            var poisoned = rows.all(poisonQueue, now);
            for (var row : poisoned) move(row.seq(), row.message(), source, now, 0);
            return poisoned.size();
        });
        if (moved > 0) signals.added(source);
        return moved;
    }

    /// Re-homes a row: visible now, a fresh 7-day life (never, when it never expired) and a new receipt,
    /// as the Functions host does when it re-adds a message.
    private QueueMessage move(long seq, QueueMessage m, String to, long now, long dequeueCount) throws SQLException {
        long expires = m.expirationTime().toEpochMilli() == MessageRows.NEVER_MS
                ? MessageRows.NEVER_MS : now + QueueLimits.DEFAULT_TTL.toMillis();
        var receipt = MessageRows.newPopReceipt();
        rows.move(seq, to, now, expires, dequeueCount, receipt);
        return new QueueMessage(to, m.id(), m.text(), m.insertionTime(), Instant.ofEpochMilli(expires), receipt,
                Instant.ofEpochMilli(now), dequeueCount);
    }

    /// The row of a message the caller holds the latest receipt of, or the error Azure would answer.
    private Row owned(String queue, String id, String popReceipt, long now, String action) throws SQLException {
        var row = rows.find(queue, id, now);
        if (row == null || !row.message().popReceipt().equals(popReceipt)) throw refusal(queue, id, action);
        return row;
    }

    private QueueException refusal(String queue, String id, String action) throws SQLException {
        if (!queues.exists(queue)) return notFound(queue);
        if (rows.find(queue, id, clock.millis()) == null) {
            return new QueueException(MESSAGE_NOT_FOUND, "cannot " + action + " message " + id + " of queue '" + queue
                    + "': it does not exist (already deleted, expired or moved to the poison queue)");
        }
        return new QueueException(POP_RECEIPT_MISMATCH, "cannot " + action + " message " + id + " of queue '" + queue
                + "': the pop receipt is outdated (the message was dequeued or updated since); use the receipt of"
                + " the latest get or update");
    }

    // ---- counts and waiting ----

    /// Visible, in-flight and poison counts of `queue`.
    public QueueCounts counts(String queue) {
        QueueLimits.checkName(queue);
        return transaction(() -> {
            requireQueue(queue);
            return queues.counts(clock.millis()).get(queue);
        });
    }

    /// Counts of every queue (poison queues included as queues of their own), sorted by name.
    public List<QueueCounts> counts() {
        return transaction(() -> List.copyOf(queues.counts(clock.millis()).values()));
    }

    /// Calls `listener` (on the putting thread, after the commit) whenever messages are added to `queue`
    /// through this store — put, moved to poison, or re-driven — and, within ~100 ms, after any commit by
    /// another connection or process (a superset: the listener re-checks). It must not block. The first
    /// subscription starts the watcher thread, so short-lived CLI stores never run one.
    public Subscription onMessagesAdded(String queue, Runnable listener) {
        var subscription = signals.subscribe(queue, listener);
        watcher.start();
        return subscription;
    }

    /// Waits up to `timeout` (real time) until `queue` has a visible message; answers whether it has.
    /// Wakes at once on a put through this store, within ~100 ms on a put by another process.
    public boolean awaitMessages(String queue, Duration timeout) throws InterruptedException {
        var added = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var ignored = onMessagesAdded(queue, added::release)) {
            while (true) {
                if (!peekVisible(queue)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !added.tryAcquire(left, TimeUnit.NANOSECONDS)) return peekVisible(queue);
                    added.drainPermits();
                } else {
                    return true;
                }
            }
        }
    }

    private boolean peekVisible(String queue) {
        return transaction(() -> queues.exists(queue) && !rows.due(queue, 1, clock.millis()).isEmpty());
    }

    // ---- plumbing ----

    private void requireQueue(String queue) throws SQLException {
        if (!queues.exists(queue)) throw notFound(queue);
    }

    private static QueueException notFound(String queue) {
        return new QueueException(QUEUE_NOT_FOUND, "queue '" + queue + "' does not exist; create it first"
                + " (createIfNotExists, or `berth queue create`)");
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("the queue store is closed");
            try {
                db.setAutoCommit(false);
                try {
                    T result = work.run();
                    db.commit();
                    return result;
                } catch (RuntimeException | SQLException e) {
                    db.rollback();
                    throw e;
                } finally {
                    db.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("queue store database error: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        watcher.close();
        synchronized (lock) {
            if (closed) return;
            closed = true;
            try {
                rows.close();
                queues.close();
                db.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the queue store: " + e.getMessage(), e);
            }
        }
    }
}
