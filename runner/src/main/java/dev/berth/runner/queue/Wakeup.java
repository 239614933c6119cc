package dev.berth.runner.queue;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/// A binary permit that wakes one waiting loop: [#signal] before [#await] is not lost, several signals
/// before one await count once. Thread-safe; any thread may signal, one thread awaits.
public final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean permit;

    public void signal() {
        lock.lock();
        try {
            permit = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /// Waits until signalled or `timeout` (real time) passes; answers whether it was signalled and
    /// consumes the signal.
    public boolean await(Duration timeout) throws InterruptedException {
        long left = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        lock.lock();
        try {
            while (!permit && left > 0) left = signalled.awaitNanos(left);
            boolean was = permit;
            permit = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : d.toNanos();
    }
}
