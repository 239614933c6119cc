package dev.berth.runner.replica;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/// How a replica set waits between readiness probes, status checks and restart attempts. The real one
/// waits in wall-clock time; tests pass one that advances a fake clock, so a minute of backoff takes a
/// millisecond. Called from the replicas' virtual threads, concurrently: implementations must be thread-safe.
@FunctionalInterface
public interface Waits {

    /// Blocks for `delay`, or less when `wake` gets a permit (which it then takes). Returns true when woken
    /// early. A stop request or a failed request wakes a replica's thread through `wake`.
    boolean pause(Duration delay, Semaphore wake) throws InterruptedException;

    /// Waits in real time.
    static Waits real() {
        return (delay, wake) -> wake.tryAcquire(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
