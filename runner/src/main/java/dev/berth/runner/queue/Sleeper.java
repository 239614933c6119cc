package dev.berth.runner.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/// How a loop waits for a point in the injected clock's time, or for an earlier wake-up. Production
/// uses [#of] (real waiting); tests pass a manual clock that wakes its sleepers when it is advanced, so
/// they run in milliseconds. Implementations are thread-safe.
@FunctionalInterface
public interface Sleeper {
    /// Returns when `wakeup` is signalled or the clock has reached `deadline`; may return early, the
    /// caller re-reads the clock.
    void sleepUntil(Instant deadline, Wakeup wakeup) throws InterruptedException;

    /// Waits in real time for the distance between the clock's now and `deadline`.
    static Sleeper of(Clock clock) {
        return (deadline, wakeup) -> wakeup.await(Duration.between(clock.instant(), deadline));
    }
}
