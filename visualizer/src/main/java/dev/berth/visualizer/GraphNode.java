package dev.berth.visualizer;

import java.util.Objects;

/// One box of a `TriggerGraph`: a trigger source, a function or an output. `id` is unique in its graph
/// (e.g. "fn:resize", "queue-in:orders"); `label` is what the box shows. Immutable; any thread.
public record GraphNode(String id, Kind kind, String label) {
    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /// What a node stands for; the graph draws each kind with its own icon letter and colour.
    public enum Kind {
        HTTP, TIMER, QUEUE, BLOB, EVENT_GRID, MANUAL, FUNCTION, HTTP_RESPONSE, OTHER;

        /// A short tag shown in the box ("HTTP", "TIMER" …).
        public String tag() {
            return switch (this) {
                case HTTP -> "HTTP";
                case TIMER -> "TIMER";
                case QUEUE -> "QUEUE";
                case BLOB -> "BLOB";
                case EVENT_GRID -> "EVENT GRID";
                case MANUAL -> "MANUAL";
                case FUNCTION -> "FUNCTION";
                case HTTP_RESPONSE -> "RESPONSE";
                case OTHER -> "OUTPUT";
            };
        }
    }
}
