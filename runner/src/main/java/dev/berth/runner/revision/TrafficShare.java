package dev.berth.runner.revision;

import java.util.List;

/// One revision in the traffic view: its configured weight (percent), the labels naming it, and what it
/// actually got: requests in the last minute and their share of all requests then (0–100, 0 when none).
/// Immutable snapshot.
public record TrafficShare(String revision, int weight, List<String> labels, long requestsLastMinute,
                           double observedPercent) {
    public TrafficShare {
        labels = List.copyOf(labels);
    }
}
