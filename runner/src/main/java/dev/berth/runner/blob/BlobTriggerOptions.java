package dev.berth.runner.blob;

import java.time.Duration;

/// Tuning of a blob trigger: how many blobs run at once, how many attempts a version gets before it is
/// poisoned (Azure: 5), the pause between attempts, how long `close` lets running handlers finish
/// before interrupting them, and how often the scanner looks for versions that no notification announced
/// (a safety net: writes by another process, e.g. `berth blob put` while the desktop app runs, already
/// wake a rescan within ~100 ms); `Duration.ZERO` turns the periodic look off. Immutable.
public record BlobTriggerOptions(int maxConcurrency, int maxAttempts, Duration retryDelay, Duration closeGrace,
                                 Duration rescanInterval) {
    public static final BlobTriggerOptions DEFAULTS = new BlobTriggerOptions(16, 5, Duration.ofSeconds(1));

    public BlobTriggerOptions {
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (retryDelay.isNegative()) throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
        if (closeGrace.isNegative()) throw new IllegalArgumentException("closeGrace must not be negative: " + closeGrace);
        if (rescanInterval.isNegative()) {
            throw new IllegalArgumentException("rescanInterval must not be negative: " + rescanInterval);
        }
    }

    /// With a close grace of 10 seconds and a rescan every 10 seconds.
    public BlobTriggerOptions(int maxConcurrency, int maxAttempts, Duration retryDelay) {
        this(maxConcurrency, maxAttempts, retryDelay, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    public BlobTriggerOptions withCloseGrace(Duration grace) {
        return new BlobTriggerOptions(maxConcurrency, maxAttempts, retryDelay, grace, rescanInterval);
    }

    public BlobTriggerOptions withRescanInterval(Duration interval) {
        return new BlobTriggerOptions(maxConcurrency, maxAttempts, retryDelay, closeGrace, interval);
    }
}
