package dev.berth.runner.eventgrid;

/// Hands one event to one subscription's function, once. The router calls it on a virtual thread and may
/// call it again for the same event (at least once delivery), so it blocks for as long as the delivery takes.
/// Implementations must be thread-safe: deliveries of different events run at the same time.
@FunctionalInterface
public interface EventDelivery {
    /// `attempt` counts from 1.
    Outcome deliver(Subscription subscription, Event event, int attempt);

    /// How one attempt ended.
    sealed interface Outcome {
        record Delivered() implements Outcome {}

        /// `retryable` false when trying again cannot help (Event Grid does not retry a 400 or 413 either);
        /// the event is then dead-lettered at once.
        record Failed(String error, boolean retryable) implements Outcome {}
    }
}
