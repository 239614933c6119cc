package dev.berth.runner.blob;

import java.time.Duration;

/// Tuning of a blob trigger: how many blobs run at once, how many attempts a version gets before it is
/// poisoned (Azure: 5), and the pause between attempts. Immutable.
public record BlobTriggerOptions(int maxConcurrency, int maxAttempts, Duration retryDelay) {
    public static final BlobTriggerOptions DEFAULTS = new BlobTriggerOptions(16, 5, Duration.ofSeconds(1));

    public BlobTriggerOptions {
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (retryDelay.isNegative()) throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
    }
}
