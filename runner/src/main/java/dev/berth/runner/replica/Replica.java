package dev.berth.runner.replica;

import dev.berth.runner.event.ReplicaState;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/// The mutable state of one replica. Every field is guarded by the owning [ReplicaSet]'s lock, except
/// `wake`, which is itself thread-safe and is how other threads nudge the replica's supervisor.
final class Replica {
    final String id;
    final Semaphore wake = new Semaphore(0);
    ReplicaState state = ReplicaState.STARTING;
    String containerId = "";
    Instant started;
    Instant ready;
    int hostPort;
    int debugPort;
    ReplicaGpu gpu = ReplicaGpu.NONE;
    int outstanding;
    int restarts;
    /// Set once, by scale-down or close; the supervisor then removes the container and ends.
    boolean stopRequested;
    /// A lease reported a failed request; the supervisor checks the container before trusting it again.
    boolean checkRequested;
    Thread supervisor;

    Replica(String id, Instant created) {
        this.id = id;
        this.started = created;
    }

    boolean takesRequests() {
        return state == ReplicaState.READY && !stopRequested && hostPort > 0;
    }

    void beginAttempt(Instant now) {
        started = now;
        ready = null;
        containerId = "";
        hostPort = 0;
        debugPort = 0;
        gpu = ReplicaGpu.NONE;
        checkRequested = false;
    }

    ReplicaInfo snapshot(String revision) {
        return new ReplicaInfo(id, revision, state, containerId, started, Optional.ofNullable(ready), hostPort,
                debugPort, outstanding, restarts, gpu);
    }
}
