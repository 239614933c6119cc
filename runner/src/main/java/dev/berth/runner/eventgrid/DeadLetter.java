package dev.berth.runner.eventgrid;

import java.time.Instant;

/// An event that could not be delivered to a subscription, with why — what Event Grid writes into its
/// dead-letter blob. Immutable.
public record DeadLetter(String subscription, String function, Event event, Reason reason, int deliveryAttempts,
                         String lastError, Instant publishedAt, Instant deadLetteredAt) {
    /// The reasons, named as in Event Grid's `deadLetterReason`.
    public enum Reason {
        MAX_DELIVERY_ATTEMPTS_EXCEEDED("MaxDeliveryAttemptsExceeded"),
        TIME_TO_LIVE_EXCEEDED("TimeToLiveExceeded"),
        NOT_RETRYABLE("NonRetryableFailure");

        private final String azureName;

        Reason(String azureName) { this.azureName = azureName; }

        public String azureName() { return azureName; }
    }

    /// e.g. `event 42 (Contoso.Orders.OrderPlaced) for subscription new-orders → OnOrder dead-lettered:
    /// MaxDeliveryAttemptsExceeded after 30 attempts; last error: status 500: boom`
    public String describe() {
        return "event " + event.id() + " (" + event.eventType() + ") for subscription " + subscription + " → " + function
                + " dead-lettered: " + reason.azureName() + " after " + deliveryAttempts + " attempt"
                + (deliveryAttempts == 1 ? "" : "s") + "; last error: " + lastError;
    }
}
