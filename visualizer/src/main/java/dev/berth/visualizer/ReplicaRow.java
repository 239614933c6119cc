package dev.berth.visualizer;

import java.time.Instant;

/// One replica as the replica table shows it. `ready` is null until the replica passed its
/// readiness check. Immutable; any thread.
public record ReplicaRow(String id, String revision, String state, String containerId, Instant started,
                         Instant ready, int hostPort, int restarts, int outstanding) {}
