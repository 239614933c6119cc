package dev.berth.runner.replica;

import dev.berth.runner.event.ReplicaState;

import java.time.Instant;
import java.util.Optional;

/// A snapshot of one replica for views and the admin API. `hostPort` is the published handler port
/// (0 before the container runs); `debugPort` is the JDWP host port when debugging, else 0.
public record ReplicaInfo(String id, String revision, ReplicaState state, String containerId, Instant started,
                          Optional<Instant> ready, int hostPort, int debugPort, int outstanding, int restarts) {}
