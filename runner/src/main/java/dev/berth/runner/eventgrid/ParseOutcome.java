package dev.berth.runner.eventgrid;

import java.util.List;

/// What became of a publish request's body: the events, or why none of them is accepted. As in Azure, a batch
/// is taken whole or not at all. Immutable.
public sealed interface ParseOutcome {
    /// Every event was valid; `schema` is the one they were published in.
    record Accepted(EventSchema schema, List<Event> events) implements ParseOutcome {
        public Accepted { events = List.copyOf(events); }
    }

    /// Nothing was accepted. `summary` says what is wrong as a whole; `problems` name each event and field
    /// (e.g. `events[2].eventType: missing. Fix: …`) and may be empty when the summary says it all.
    record Rejected(Failure failure, String summary, List<String> problems) implements ParseOutcome {
        public Rejected { problems = List.copyOf(problems); }

        /// The summary and the problems, one per line.
        public String describe() {
            return problems.isEmpty() ? summary : summary + "\n" + String.join("\n", problems);
        }
    }

    /// Why a body was rejected, with the HTTP status Event Grid answers for it.
    enum Failure {
        MALFORMED(400), TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415);

        private final int status;

        Failure(int status) { this.status = status; }

        public int status() { return status; }
    }
}
