package dev.berth.runner.queue;

/// What became of one delivery of a queue message: success deletes it, failure retries it (or moves it
/// to the poison queue once it has been dequeued `maxDequeueCount` times). Immutable.
public sealed interface Outcome {
    record Success() implements Outcome {}

    /// `reason` is logged and kept for the caller's events; it is not stored with the message.
    record Failure(String reason) implements Outcome {}

    static Outcome success() {
        return new Success();
    }

    static Outcome failure(String reason) {
        return new Failure(reason);
    }
}
