package dev.berth.runner.eventgrid;

import java.time.Duration;
import java.util.List;

/// How long to wait before each further delivery attempt. Event Grid's schedule is 10 s, 30 s, 1 min,
/// 5 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h, until `maxDeliveryAttempts` or the event's time
/// to live runs out. `delays[i]` follows the (i+1)-th failed attempt; the last delay repeats. Immutable.
public record RetrySchedule(List<Duration> delays) {
    public static final RetrySchedule AZURE = new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) throw new IllegalArgumentException("a retry schedule needs at least one delay");
        if (delays.stream().anyMatch(Duration::isNegative)) throw new IllegalArgumentException("delays must not be negative");
    }

    /// The wait after `failedAttempts` (≥ 1) failed attempts.
    public Duration delayAfter(int failedAttempts) {
        return delays.get(Math.min(Math.max(failedAttempts, 1), delays.size()) - 1);
    }

    /// The same shape, every delay multiplied by `factor` (e.g. 0.01 turns 10 s into 100 ms), for trying
    /// retries out locally without waiting minutes.
    public RetrySchedule scaledBy(double factor) {
        if (!(factor > 0)) throw new IllegalArgumentException("factor must be positive, not " + factor);
        return new RetrySchedule(delays.stream().map(d -> Duration.ofNanos(Math.round(d.toNanos() * factor))).toList());
    }
}
