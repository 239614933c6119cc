package dev.berth.runner.blob;

/// Receives committed blob changes. Called on the thread that made the change, right after the
/// commit, so implementations must be quick and thread-safe (hand work to another thread).
@FunctionalInterface
public interface BlobChangeListener {
    void onChange(BlobChange change);
}
