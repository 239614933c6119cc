package dev.berth.app.ui.fakes;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.LogLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/// Floods an `EventListener` with `LogLine`s as chatty replicas would: one platform thread per replica
/// id, `linesPerSecond` in all, sent in bursts of `BURST` lines. Each burst goes out when its deadline
/// (start + lines sent so far × line period) comes, so the rate does not drift with the cost of
/// emitting, and a thread that was held up catches up instead of losing lines: exactly
/// `linesPerSecond × duration` lines are sent, however slow the machine. Thread-safe.
public final class LogFlood implements AutoCloseable {
    /// Lines sent back to back: a replica's stdout arrives in chunks, not one line at a time.
    static final int BURST = 20;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong emitted = new AtomicLong();
    private final long total;
    private volatile boolean stopped;

    private LogFlood(long total) {
        this.total = total;
    }

    /// Starts the flood at once; lines of replica `r` read "line <n> from <r> …", n counting from 0.
    public static LogFlood start(EventListener target, List<String> replicaIds, int linesPerSecond, Duration duration) {
        long perReplica = linesPerSecond * duration.toMillis() / 1000 / replicaIds.size();
        long nanosPerLine = TimeUnit.SECONDS.toNanos(1) * replicaIds.size() / linesPerSecond;
        var flood = new LogFlood(perReplica * replicaIds.size());
        long startNanos = System.nanoTime();
        for (var replica : replicaIds) {
            flood.threads.add(Thread.ofPlatform().daemon().name("log-flood-" + replica)
                    .start(() -> flood.emit(target, replica, perReplica, nanosPerLine, startNanos)));
        }
        return flood;
    }

    private void emit(EventListener target, String replica, long lines, long nanosPerLine, long startNanos) {
        for (long sent = 0; sent < lines && !stopped; ) {
            long wait = startNanos + sent * nanosPerLine - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long first = sent;
            long end = Math.min(lines, sent + BURST);
            for (; sent < end; sent++) {
                var at = FakeRunner.T0.plusSeconds(1).plusNanos(sent * nanosPerLine);
                target.onEvent(new LogLine(at, replica, "stdout",
                        "line " + sent + " from " + replica + ": GET /api/orders/" + (sent * 7919 % 100_000) + " → 200"));
            }
            emitted.addAndGet(end - first);
        }
    }

    /// Lines the flood will have sent once done.
    public long total() { return total; }

    /// Lines sent so far.
    public long emitted() { return emitted.get(); }

    /// Waits until every thread has sent all its lines; false when `timeout` passed first.
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var thread : threads) {
            if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) return false;
        }
        return true;
    }

    @Override public void close() throws InterruptedException {
        stopped = true;
        for (var thread : threads) thread.join(Duration.ofSeconds(5));
    }
}
