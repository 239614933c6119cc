package dev.berth.runner.replica;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/// The replicas of one revision: starts them, checks readiness, restarts crashed ones with backoff, and
/// hands out leases least-outstanding-first. Thread-safe.
public final class ReplicaSet implements ReplicaPool, AutoCloseable {
    public ReplicaSet(ContainerEngine engine, ReplicaTemplate template, EventListener events, Clock clock) {
    }

    /// Starts or stops replicas until `count` are wanted; returns at once (starts run in the background).
    public void scaleTo(int count) {
        throw new IllegalStateException("ReplicaSet is being built: " + count);
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) { return Optional.empty(); }

    @Override
    public List<ReplicaInfo> replicas() { return List.of(); }

    /// Stops and removes every container of this set.
    @Override
    public void close() {}
}
