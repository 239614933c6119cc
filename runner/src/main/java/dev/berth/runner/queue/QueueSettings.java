package dev.berth.runner.queue;

import java.time.Duration;

/// The queue trigger's settings from `host.json` `extensions.queues`, with the Functions host's
/// defaults. `visibilityTimeout` is the delay before a failed message is retried. Immutable.
public record QueueSettings(int batchSize, int newBatchThreshold, int maxDequeueCount, Duration visibilityTimeout,
                            Duration maxPollingInterval) {
    public static final int DEFAULT_BATCH_SIZE = 16;
    public static final int DEFAULT_MAX_DEQUEUE_COUNT = 5;
    public static final Duration DEFAULT_MAX_POLLING_INTERVAL = Duration.ofMinutes(1);
    /// The Functions host refuses a shorter polling interval.
    public static final Duration MIN_POLLING_INTERVAL = Duration.ofMillis(100);

    public QueueSettings {
        if (batchSize < 1 || batchSize > QueueLimits.MAX_BATCH) {
            throw invalid("batchSize is " + batchSize + "; it must be between 1 and 32");
        }
        if (newBatchThreshold < 0 || newBatchThreshold >= batchSize) {
            throw invalid("newBatchThreshold is " + newBatchThreshold + "; it must be between 0 and batchSize - 1 ("
                    + (batchSize - 1) + ")");
        }
        if (maxDequeueCount < 1) throw invalid("maxDequeueCount is " + maxDequeueCount + "; it must be at least 1");
        if (visibilityTimeout == null || visibilityTimeout.isNegative()
                || visibilityTimeout.compareTo(QueueLimits.MAX_VISIBILITY) > 0) {
            throw invalid("visibilityTimeout is " + visibilityTimeout + "; it must be between 00:00:00 and 7.00:00:00");
        }
        if (maxPollingInterval == null || maxPollingInterval.compareTo(MIN_POLLING_INTERVAL) < 0) {
            throw invalid("maxPollingInterval is " + maxPollingInterval + "; it must be at least 00:00:00.100");
        }
    }

    /// The defaults: batchSize 16, newBatchThreshold 8, maxDequeueCount 5, visibilityTimeout 0, maxPollingInterval 1 min.
    public static QueueSettings defaults() {
        return of(null, null, null, null, null);
    }

    /// Settings with a default for each null, as read from a `host.json` that may omit any of them;
    /// newBatchThreshold defaults to half the batch size.
    public static QueueSettings of(Integer batchSize, Integer newBatchThreshold, Integer maxDequeueCount,
                                   Duration visibilityTimeout, Duration maxPollingInterval) {
        int batch = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        return new QueueSettings(batch, newBatchThreshold == null ? batch / 2 : newBatchThreshold,
                maxDequeueCount == null ? DEFAULT_MAX_DEQUEUE_COUNT : maxDequeueCount,
                visibilityTimeout == null ? Duration.ZERO : visibilityTimeout,
                maxPollingInterval == null ? DEFAULT_MAX_POLLING_INTERVAL : maxPollingInterval);
    }

    private static QueueException invalid(String what) {
        return QueueLimits.invalid("host.json extensions.queues." + what);
    }
}
