package dev.berth.visualizer.durable;

import java.time.Instant;

/// One event of an orchestration instance's history, as the timeline, the history table and the golden
/// history files see it (the app maps the runner's history items onto it). `sequence` orders the events
/// from 0. `eventId` is the orchestrator's action id for TaskScheduled, TimerCreated,
/// SubOrchestrationInstanceCreated and EventSent, -1 for the others; `taskId` links a result to what it
/// answers (the scheduled id of TaskCompleted/Failed and SubOrchestrationInstanceCompleted/Failed, the timer
/// id of TimerFired), -1 otherwise. `name` is the activity, orchestration or event name; `data` the input or
/// result as JSON text; `failure` the failure as "type: message"; `fireAt` a timer's due time; `target` the
/// instance a sub-orchestration or sent event went to; `status` the runtime status an ExecutionCompleted
/// reports ("Completed", "Failed", "ContinuedAsNew" …). Every reference field but `kind` and `timestamp` may
/// be null. Immutable; any thread.
///
/// As JSON (see [HistoryJson]) a history is an array of objects with exactly these field names; timestamps
/// are ISO-8601 instants (`2026-01-05T10:00:00.125Z`), `kind` is the EventType name, `data` is a string that
/// holds the JSON text, and absent fields mean null (or -1 for the ids):
/// ```
/// [{"sequence": 0, "eventId": -1, "kind": "ExecutionStarted", "timestamp": "2026-01-05T10:00:00Z",
///   "name": "HelloCities", "taskId": -1, "data": "{\"city\":\"Tokyo\"}", "failure": null, "fireAt": null,
///   "target": null, "status": null}, …]
/// ```
public record HistoryRow(int sequence, int eventId, EventKind kind, Instant timestamp, String name, int taskId,
                         String data, String failure, Instant fireAt, String target, String status) {
    public HistoryRow {
        if (kind == null || timestamp == null) {
            throw new IllegalArgumentException("history event " + sequence + " needs a kind and a timestamp");
        }
    }
}
