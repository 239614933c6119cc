package dev.berth.app.ui.durable;

import dev.berth.visualizer.durable.HistoryRow;
import dev.berth.visualizer.durable.InstanceRow;
import dev.berth.visualizer.durable.Timeline;

import java.util.List;

/// One instance as the Orchestrations tab shows it: its row, input, output, custom status and failure (null
/// when none), its history and the timeline built from it. `row` is null when the instance no longer exists
/// (purged). Immutable.
public record InstanceDetail(String instanceId, InstanceRow row, String input, String output, String customStatus,
                             String failure, List<HistoryRow> history, Timeline timeline) {
    public InstanceDetail {
        history = List.copyOf(history);
    }

    static InstanceDetail gone(String instanceId) {
        return new InstanceDetail(instanceId, null, null, null, null, null, List.of(), Timeline.EMPTY);
    }

    /// Whether the instance still exists.
    public boolean exists() { return row != null; }
}
