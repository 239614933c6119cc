package dev.berth.runner.durable;

import java.time.Instant;
import java.util.Optional;

/// One event of an instance's history, in the order it was recorded (`sequence` from 0).
/// `eventId` is the protocol's: the orchestrator's action id for TaskScheduled, TimerCreated,
/// SubOrchestrationInstanceCreated and EventSent, -1 for the others. `taskId` links a result to what it
/// answers: the scheduled id of TaskCompleted/Failed and SubOrchestrationInstanceCompleted/Failed, the timer
/// id of TimerFired; -1 otherwise. `name` is the activity, orchestration or event name; `data` the input or
/// result JSON (null when none); `target` the instance a sub-orchestration or sent event went to (else null).
/// Immutable.
public record HistoryItem(int sequence, int eventId, HistoryKind kind, Instant timestamp, String name, int taskId,
                          String data, Optional<Failure> failure, Optional<Instant> fireAt, String target,
                          Optional<RuntimeStatus> status) {
}
