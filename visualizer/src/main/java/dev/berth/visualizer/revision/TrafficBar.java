package dev.berth.visualizer.revision;

/// One revision in the traffic chart: its configured `weight` (percent) beside the share of requests it
/// actually served over the last minute (`observedPercent`, 0–100) and how many that was. Immutable; any
/// thread.
public record TrafficBar(String revision, int weight, double observedPercent, long requestsLastMinute) {
}
