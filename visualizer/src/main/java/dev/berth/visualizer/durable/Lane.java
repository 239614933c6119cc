package dev.berth.visualizer.durable;

/// One row of the timeline, labelled by what runs on it: an activity's name, "sub: Child", "timer",
/// "event: Approval" … Calls of one name that do not overlap share a lane; parallel ones get one each.
/// Immutable; any thread.
public record Lane(int index, String label, Bar.Kind kind) {
}
