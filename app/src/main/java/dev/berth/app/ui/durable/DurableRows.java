package dev.berth.app.ui.durable;

import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.visualizer.durable.EventKind;
import dev.berth.visualizer.durable.HistoryRow;
import dev.berth.visualizer.durable.InstanceRow;

import java.util.List;

/// Maps the runner's durable records onto the visualizer's (which cannot see the runner). Stateless;
/// any thread.
public final class DurableRows {
    private DurableRows() {}

    public static InstanceRow instance(InstanceInfo info) {
        return new InstanceRow(info.instanceId(), info.name(), info.status().azureName(), info.created(),
                info.lastUpdated(), info.customStatus());
    }

    public static HistoryRow history(HistoryItem item) {
        return new HistoryRow(item.sequence(), item.eventId(), EventKind.parse(item.kind().azureName()),
                item.timestamp(), item.name(), item.taskId(), item.data(),
                item.failure().map(DurableRows::failure).orElse(null), item.fireAt().orElse(null), item.target(),
                item.status().map(RuntimeStatus::azureName).orElse(null));
    }

    public static List<HistoryRow> history(List<HistoryItem> items) {
        return items.stream().map(DurableRows::history).toList();
    }

    /// "type: message", then the stack trace on the lines below when there is one.
    static String failure(Failure failure) {
        return failure.stackTrace().isBlank() ? failure.describe() : failure.describe() + "\n" + failure.stackTrace();
    }
}
