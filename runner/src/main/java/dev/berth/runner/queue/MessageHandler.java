package dev.berth.runner.queue;

/// Processes one dequeued message, e.g. by invoking the function of a queue trigger. Called by
/// [QueueTriggerPump] on its own virtual thread per message, up to `batchSize` at once, so it may block;
/// a thrown exception counts as a failure. Implementations must be thread-safe.
@FunctionalInterface
public interface MessageHandler {
    Outcome handle(QueueMessage message) throws Exception;
}
