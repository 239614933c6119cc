package dev.berth.runner.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/// Waits until a clock reaches a deadline. Tests swap in a virtual-time sleeper so timers run in milliseconds.
/// Implementations are called from the timers' virtual threads and must answer interruption.
@FunctionalInterface
public interface Sleeper {
    void sleepUntil(Instant deadline) throws InterruptedException;

    /// Sleeps on the real thread, re-reading `clock` at least once a minute so a changed wall clock (suspend,
    /// NTP step) is noticed instead of oversleeping.
    static Sleeper of(Clock clock) {
        return deadline -> {
            while (true) {
                var left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) return;
                Thread.sleep(left.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : left);
            }
        };
    }
}
