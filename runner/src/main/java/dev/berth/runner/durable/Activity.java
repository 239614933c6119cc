package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ActivityRequest;

/// An activity the orchestrator scheduled and no worker has finished yet, with its row id in
/// `dt_activities`. `request` is what a worker is sent. Immutable; who holds it is tracked by the queue.
record Activity(long rowId, InstanceKey instance, int taskId, ActivityRequest request) {
}
