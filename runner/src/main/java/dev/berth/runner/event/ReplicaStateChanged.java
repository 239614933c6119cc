package dev.berth.runner.event;

import java.time.Instant;

/// A replica moved to `state`. `detail` says why (e.g. "exit code 1, OOM=false, last logs: …"); may be empty.
public record ReplicaStateChanged(Instant at, String replicaId, String revision, String containerId,
                                  ReplicaState state, String detail) implements RunnerEvent {}
