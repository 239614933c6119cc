package dev.berth.runner.blob;

import java.time.Duration;

/// Tuning of a blob trigger: how many blobs run at once, how many attempts a version gets before it is
/// poisoned (Azure: 5), the pause between attempts, and how long `close` lets running handlers finish
/// before interrupting them. Immutable.
public record BlobTriggerOptions(int maxConcurrency, int maxAttempts, Duration retryDelay, Duration closeGrace) {
    public static final BlobTriggerOptions DEFAULTS = new BlobTriggerOptions(16, 5, Duration.ofSeconds(1));

    public BlobTriggerOptions {
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (retryDelay.isNegative()) throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
        if (closeGrace.isNegative()) throw new IllegalArgumentException("closeGrace must not be negative: " + closeGrace);
    }

    /// With a close grace of 10 seconds.
    public BlobTriggerOptions(int maxConcurrency, int maxAttempts, Duration retryDelay) {
        this(maxConcurrency, maxAttempts, retryDelay, Duration.ofSeconds(10));
    }
}
