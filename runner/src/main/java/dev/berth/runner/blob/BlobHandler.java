package dev.berth.runner.blob;

/// Runs a blob-triggered function (in Berth: dispatches it to a replica). Called on a virtual thread,
/// possibly concurrently for different blobs; may block. A thrown exception counts as a failure.
@FunctionalInterface
public interface BlobHandler {
    Result handle(BlobInvocation invocation) throws Exception;

    /// The outcome of one attempt.
    sealed interface Result {
        Result SUCCEEDED = new Succeeded();

        record Succeeded() implements Result {}

        record Failed(String reason) implements Result {}
    }
}
