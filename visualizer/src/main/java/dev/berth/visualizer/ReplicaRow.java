package dev.berth.visualizer;

import java.time.Instant;

/// One replica as the replica table shows it. `ready` is null until the replica passed its
/// readiness check. `device` says which GPUs it got ("GPU 0", "2 GPUs", or "CPU (why)" when the GPU it asked
/// for could not be given); empty for an app that asks for none. Immutable; any thread.
public record ReplicaRow(String id, String revision, String state, String containerId, Instant started,
                         Instant ready, int hostPort, int restarts, int outstanding, String device) {
    /// A replica of an app that asks for no GPU.
    public ReplicaRow(String id, String revision, String state, String containerId, Instant started,
                      Instant ready, int hostPort, int restarts, int outstanding) {
        this(id, revision, state, containerId, started, ready, hostPort, restarts, outstanding, "");
    }
}
