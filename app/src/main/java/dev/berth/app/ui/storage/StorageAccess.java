package dev.berth.app.ui.storage;

import dev.berth.runner.trigger.ProjectStorage;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/// The project storage the explorers work on: the running session's (so writes wake its triggers), or,
/// while nothing runs, one Berth opens itself on the project's `.berth/` (lazily, on first use). While a
/// run starts or stops there is none: the session opens its own and sweeps unreferenced blob files, so our
/// connection is closed first.
///
/// Thread-safe; every method blocks (it may open or close SQLite), so call it off the FX thread. Work runs
/// under a read lock and switching takes the write lock, so a switch waits for the work in progress and
/// never closes a storage under it. Switches carry a sequence number: one submitted later wins even when
/// the background threads run them out of order.
public final class StorageAccess implements AutoCloseable {
    /// Something to do with the storage.
    @FunctionalInterface
    public interface Work<T> {
        T apply(ProjectStorage storage) throws Exception;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path stateDir;
    private final Clock clock;
    private final Object opening = new Object();
    // Written under the write lock; read under the read lock.
    private ProjectStorage session;
    private String unavailable;
    private long applied = -1;
    // Guarded by `opening`.
    private ProjectStorage own;

    /// `stateDir` is the project's `.berth` folder.
    public StorageAccess(Path stateDir, Clock clock) {
        this.stateDir = stateDir;
        this.clock = clock;
    }

    /// Runs `work` on the current storage.
    /// @throws StorageUnavailableException while a run starts or stops (or after close)
    public <T> T call(Work<T> work) throws Exception {
        lock.readLock().lock();
        try {
            return work.apply(current());
        } finally {
            lock.readLock().unlock();
        }
    }

    private ProjectStorage current() throws SQLException, IOException, StorageUnavailableException {
        if (session != null) return session;
        if (unavailable != null) throw new StorageUnavailableException(unavailable);
        synchronized (opening) {
            if (own == null) own = ProjectStorage.open(stateDir, clock);
            return own;
        }
    }

    /// From switch `seq` on, work goes to the running session's storage.
    public void useSession(long seq, ProjectStorage running) { change(seq, running, null); }

    /// From switch `seq` on, there is no storage, for the reason given (e.g. "the run is starting").
    public void suspend(long seq, String why) { change(seq, null, why); }

    /// From switch `seq` on, work goes to Berth's own storage, opened again on first use.
    public void useOwn(long seq) { change(seq, null, null); }

    private void change(long seq, ProjectStorage running, String why) {
        lock.writeLock().lock();
        try {
            if (seq <= applied) return;
            applied = seq;
            closeOwn();
            session = running;
            unavailable = why;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void closeOwn() {
        synchronized (opening) {
            if (own != null) own.close();
            own = null;
        }
    }

    /// Closes Berth's own storage for good (the session's belongs to the session).
    @Override
    public void close() { change(Long.MAX_VALUE, null, "the project is closed"); }

    /// No storage to work on right now; the message says why and when there will be.
    public static final class StorageUnavailableException extends Exception {
        public StorageUnavailableException(String message) { super(message); }
    }
}
