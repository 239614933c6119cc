package dev.berth.runner.blob;

/// Receives blob versions that failed `maxAttempts` times. The queue store implements it by enqueueing
/// `BlobPoison.azureMessageJson()` on `webjobs-blobtrigger-poison`, as the Functions host does. Called on
/// a virtual thread; must be thread-safe. A thrown exception is logged and the version is not retried.
@FunctionalInterface
public interface PoisonSink {
    /// The queue the Functions host uses for poison blobs.
    String AZURE_QUEUE = "webjobs-blobtrigger-poison";

    void poison(BlobPoison poison);
}
