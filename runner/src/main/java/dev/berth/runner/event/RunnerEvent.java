package dev.berth.runner.event;

import java.time.Instant;

/// Everything the runner reports, as immutable records. Handle with an exhaustive `switch`, so a new
/// kind of event fails to compile wherever it is not handled. Safe to share between threads.
public sealed interface RunnerEvent
        permits ImageBuildProgress, ReplicaStateChanged, InvocationStarted, InvocationFinished, LogLine,
                RunnerNotice, OrchestrationChanged, ScaleDecision, RevisionChanged, TrafficChanged, GpuMetrics {
    /// When it happened, from the runner's injected clock.
    Instant at();
}
