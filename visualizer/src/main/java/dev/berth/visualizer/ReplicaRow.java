package dev.berth.visualizer;

import java.time.Instant;

/// Placeholder (the visualizer helper owns the real one): one replica's current state.
public record ReplicaRow(String id, String revision, String state, String containerId, Instant started,
                         Instant ready, int hostPort, int restarts, int outstanding) {}
