package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;

import java.time.Instant;

/// An event waiting for the orchestrator (a result, a raised event, a timer due at `visibleAt`), with its
/// row id in `dt_inbox`.
record InboxEntry(long rowId, Instant visibleAt, HistoryEvent event) {
}
