package dev.berth.runner.eventgrid;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// An event subscription from `eventgrid.yaml`: which events (source and filter) go to which
/// `eventGridTrigger` function, and how long delivery is retried. Field names follow
/// `az eventgrid event-subscription create`. Immutable.
public record Subscription(String name, String function, Source source, Filter filter, int maxDeliveryAttempts,
                           Duration eventTtl) {
    /// Event Grid's defaults and bounds: 30 attempts (1–30), 1440 minutes (1–1440).
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 30;
    public static final int DEFAULT_EVENT_TTL_MINUTES = 1440;

    public Subscription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(eventTtl, "eventTtl");
        if (maxDeliveryAttempts < 1) throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1");
    }

    /// Where a subscription's events come from.
    public sealed interface Source {
        /// A custom topic, published to at `/eventgrid/topics/{name}/api/events`. Names compare ignoring case.
        record Topic(String name) implements Source {}

        /// The project's embedded blob store (`Microsoft.Storage.BlobCreated`, `…BlobDeleted`).
        record Storage() implements Source {}

        /// As written in eventgrid.yaml: `topic:<name>` or `storage`.
        default String describe() {
            return switch (this) {
                case Topic t -> "topic:" + t.name();
                case Storage s -> "storage";
            };
        }
    }

    /// Which events a subscription takes: subject prefix and suffix (ignoring case unless
    /// `subjectCaseSensitive`, as in Azure) and event types (exact; empty = all types).
    public record Filter(String subjectBeginsWith, String subjectEndsWith, List<String> includedEventTypes,
                         boolean subjectCaseSensitive) {
        public static final Filter ALL = new Filter("", "", List.of(), false);

        public Filter {
            subjectBeginsWith = subjectBeginsWith == null ? "" : subjectBeginsWith;
            subjectEndsWith = subjectEndsWith == null ? "" : subjectEndsWith;
            includedEventTypes = List.copyOf(includedEventTypes);
        }

        public boolean matches(Event event) {
            if (!includedEventTypes.isEmpty() && !includedEventTypes.contains(event.eventType())) return false;
            var subject = subjectCaseSensitive ? event.subject() : event.subject().toLowerCase(Locale.ROOT);
            var begins = subjectCaseSensitive ? subjectBeginsWith : subjectBeginsWith.toLowerCase(Locale.ROOT);
            var ends = subjectCaseSensitive ? subjectEndsWith : subjectEndsWith.toLowerCase(Locale.ROOT);
            return subject.startsWith(begins) && subject.endsWith(ends);
        }
    }

    /// Whether events published to `topic` reach this subscription (before the filter).
    public boolean listensTo(String topic) {
        return source instanceof Source.Topic t && t.name().equalsIgnoreCase(topic);
    }

    public boolean listensToStorage() { return source instanceof Source.Storage; }
}
