package dev.berth.runner.project;

import java.time.Duration;

/// host.json `retry`: how often a failed timer invocation is tried again, as the Functions host does for
/// the triggers that support retry policies. `maxRetryCount` -1 means no limit. Immutable.
public record RetryPolicy(Strategy strategy, int maxRetryCount, Duration delayInterval, Duration minimumInterval,
                          Duration maximumInterval) {
    public enum Strategy { FIXED_DELAY, EXPONENTIAL_BACKOFF }

    /// The wait before retry number `retry` (1 for the first retry).
    public Duration delayBefore(int retry) {
        if (strategy == Strategy.FIXED_DELAY) return delayInterval;
        var delay = minimumInterval.multipliedBy(1L << Math.min(30, retry - 1));
        return delay.compareTo(maximumInterval) > 0 ? maximumInterval : delay;
    }

    /// Whether retry number `retry` may run.
    public boolean allows(int retry) {
        return maxRetryCount < 0 || retry <= maxRetryCount;
    }
}
