package dev.berth.visualizer;

import java.util.Objects;

/// A directed edge of a `TriggerGraph`, from one node id to another. Immutable; any thread.
public record GraphEdge(String from, String to) {
    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
