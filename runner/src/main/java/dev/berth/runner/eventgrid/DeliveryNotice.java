package dev.berth.runner.eventgrid;

import java.time.Instant;

/// What the router reports about each delivery, for the integrator to turn into runner events (the trigger
/// graph, the event log). Immutable records.
public sealed interface DeliveryNotice {
    String subscription();

    String function();

    Event event();

    /// The function took the event on attempt `attempt`.
    record Delivered(String subscription, String function, Event event, int attempt, Instant at)
            implements DeliveryNotice {}

    /// Attempt `attempt` failed with `error`; the next one runs at `nextAttemptAt`.
    record RetryScheduled(String subscription, String function, Event event, int attempt, String error,
                          Instant nextAttemptAt) implements DeliveryNotice {}

    /// Delivery gave up; the dead letter says why.
    record DeadLettered(DeadLetter deadLetter) implements DeliveryNotice {
        @Override public String subscription() { return deadLetter.subscription(); }

        @Override public String function() { return deadLetter.function(); }

        @Override public Event event() { return deadLetter.event(); }
    }
}
