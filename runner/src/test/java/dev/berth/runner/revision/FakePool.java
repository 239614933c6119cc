package dev.berth.runner.revision;

import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.ReplicaTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/// A revision pool without containers: one replica, ready when told (or at once), leases always granted
/// while ready. Thread-safe.
final class FakePool implements RevisionPool {
    final String revision;
    final AtomicBoolean ready;
    final AtomicBoolean stopped = new AtomicBoolean();
    final AtomicInteger scaledTo = new AtomicInteger(-1);
    final AtomicInteger leases = new AtomicInteger();
    /// Whether a lease was still open when stop was called.
    final AtomicBoolean stoppedWithOpenLease = new AtomicBoolean();

    FakePool(String revision, boolean ready) {
        this.revision = revision;
        this.ready = new AtomicBoolean(ready);
    }

    FakePool(ReplicaTemplate template, boolean ready) { this(template.revision(), ready); }

    @Override public void scaleTo(int count) { scaledTo.set(count); }

    @Override
    public List<String> stop() {
        if (leases.get() > 0) stoppedWithOpenLease.set(true);
        stopped.set(true);
        return List.of();
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) {
        if (!ready.get() || stopped.get()) return Optional.empty();
        leases.incrementAndGet();
        return Optional.of(new Lease() {
            private final AtomicBoolean closed = new AtomicBoolean();
            @Override public String replicaId() { return revision + "-0001"; }
            @Override public URI baseUri() { return URI.create("http://127.0.0.1:1"); }
            @Override public void reportFailure(Throwable cause) { }
            @Override public void close() { if (closed.compareAndSet(false, true)) leases.decrementAndGet(); }
        });
    }

    @Override
    public List<ReplicaInfo> replicas() {
        var state = stopped.get() ? ReplicaState.STOPPED : ready.get() ? ReplicaState.READY : ReplicaState.STARTING;
        return List.of(new ReplicaInfo(revision + "-0001", revision, state, "c", Instant.EPOCH, Optional.empty(), 1, 0, leases.get(), 0));
    }

    @Override public void onContainerRemoved(Consumer<URI> listener) { }
}
