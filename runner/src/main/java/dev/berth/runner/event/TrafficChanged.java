package dev.berth.runner.event;

import java.time.Instant;
import java.util.Map;

/// The ingress routes by new weights (revision → percent) and labels (label → revision) from now on.
/// `reason` says what changed it (a rollout, `berth traffic set`, a swap, a rollback).
public record TrafficChanged(Instant at, Map<String, Integer> weights, Map<String, String> labels, String reason)
        implements RunnerEvent {
    public TrafficChanged {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }
}
