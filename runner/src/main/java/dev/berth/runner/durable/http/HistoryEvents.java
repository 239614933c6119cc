package dev.berth.runner.durable.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/// `historyEvents` as Azure shows them: a completion carries what it answers (`FunctionName`, `ScheduledTime`,
/// the sub-orchestration's `InstanceId`) and the TaskScheduled / SubOrchestrationInstanceCreated it answers is
/// left out, as are the replay markers OrchestratorStarted / OrchestratorCompleted. Results (`Result`) appear
/// only with `showHistoryOutput`. Unlike Azure, work still in flight keeps its scheduling event, so a running
/// instance shows what it waits for. Stateless; thread-safe.
final class HistoryEvents {
    private final StatusJson status;

    HistoryEvents(StatusJson status) {
        this.status = status;
    }

    ArrayNode toJson(List<HistoryItem> items, boolean showOutput) {
        Map<Integer, HistoryItem> scheduled = new HashMap<>();
        var answered = new HashSet<Integer>();
        for (var item : items) {
            switch (item.kind()) {
                case TASK_SCHEDULED, SUB_ORCHESTRATION_CREATED -> scheduled.put(item.eventId(), item);
                case TASK_COMPLETED, TASK_FAILED, SUB_ORCHESTRATION_COMPLETED, SUB_ORCHESTRATION_FAILED ->
                        answered.add(item.taskId());
                default -> { }
            }
        }
        var array = JsonNodeFactory.instance.arrayNode();
        for (var item : items) {
            boolean folded = item.kind() == HistoryKind.ORCHESTRATOR_STARTED || item.kind() == HistoryKind.ORCHESTRATOR_COMPLETED
                    || (scheduled.get(item.eventId()) == item && answered.contains(item.eventId()));
            if (!folded) array.add(event(item, scheduled.get(item.taskId()), showOutput));
        }
        return array;
    }

    private ObjectNode event(HistoryItem item, HistoryItem cause, boolean showOutput) {
        var node = status.event(item);
        switch (item.kind()) {
            case EXECUTION_STARTED, TASK_SCHEDULED -> node.put("FunctionName", item.name());
            case SUB_ORCHESTRATION_CREATED -> node.put("FunctionName", item.name()).put("InstanceId", item.target());
            case TASK_COMPLETED, TASK_FAILED, SUB_ORCHESTRATION_COMPLETED, SUB_ORCHESTRATION_FAILED -> {
                answer(node, cause);
                result(node, item, showOutput);
            }
            case EXECUTION_COMPLETED -> {
                item.status().ifPresent(s -> node.put("OrchestrationStatus", s.azureName()));
                result(node, item, showOutput);
            }
            case CONTINUE_AS_NEW -> result(node, item, showOutput);
            case TIMER_CREATED -> item.fireAt().ifPresent(at -> node.put("FireAt", at.toString()));
            case TIMER_FIRED -> {
                item.fireAt().ifPresent(at -> node.put("FireAt", at.toString()));
                node.put("TimerId", item.taskId());
            }
            case EVENT_RAISED -> node.put("Name", item.name()).set("Input", status.payload(item.data()));
            case EVENT_SENT -> node.put("Name", item.name()).put("InstanceId", item.target())
                    .set("Input", status.payload(item.data()));
            case EXECUTION_TERMINATED -> node.set("Input", status.payload(item.data()));
            case EXECUTION_SUSPENDED, EXECUTION_RESUMED -> node.set("Reason", status.payload(item.data()));
            case GENERIC -> node.set("Data", status.payload(item.data()));
            case ORCHESTRATOR_STARTED, ORCHESTRATOR_COMPLETED -> { }
        }
        return node;
    }

    private static void answer(ObjectNode node, HistoryItem cause) {
        if (cause == null) return;
        node.put("FunctionName", cause.name());
        node.put("ScheduledTime", cause.timestamp().toString());
        if (cause.target() != null) node.put("InstanceId", cause.target());
    }

    /// `Result` when asked for, and a failure's `Reason` and `FailureDetails` always (they are why it failed).
    private void result(ObjectNode node, HistoryItem item, boolean showOutput) {
        if (showOutput) node.set("Result", status.payload(item.data()));
        item.failure().ifPresent(f -> {
            node.put("Reason", f.describe());
            node.set("FailureDetails", status.failure(f));
        });
    }
}
