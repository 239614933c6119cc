package dev.berth.runner.replica;

import dev.berth.runner.event.ReplicaState;

import java.time.Instant;
import java.util.Optional;

/// A snapshot of one replica for views and the admin API. `hostPort` is the published handler port
/// (0 before the container runs); `debugPort` is the JDWP host port when debugging, else 0. `gpu` says which
/// GPUs its container got, or that it runs on CPU because the GPU asked for could not be given.
public record ReplicaInfo(String id, String revision, ReplicaState state, String containerId, Instant started,
                          Optional<Instant> ready, int hostPort, int debugPort, int outstanding, int restarts,
                          ReplicaGpu gpu) {
    public ReplicaInfo {
        gpu = gpu == null ? ReplicaGpu.NONE : gpu;
    }

    /// A replica without a GPU.
    public ReplicaInfo(String id, String revision, ReplicaState state, String containerId, Instant started,
                       Optional<Instant> ready, int hostPort, int debugPort, int outstanding, int restarts) {
        this(id, revision, state, containerId, started, ready, hostPort, debugPort, outstanding, restarts, ReplicaGpu.NONE);
    }
}
