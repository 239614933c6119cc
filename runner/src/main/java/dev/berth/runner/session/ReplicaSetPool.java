package dev.berth.runner.session;

import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.ReplicaSet;
import dev.berth.runner.revision.RevisionPool;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/// A revision's [ReplicaSet] as the revision manager drives it. Thread-safe, as the set is.
record ReplicaSetPool(ReplicaSet set) implements RevisionPool {
    @Override public void scaleTo(int count) { set.scaleTo(count); }

    @Override public List<String> stop() { return set.stop(); }

    @Override public Optional<Lease> acquire(Duration timeout) throws InterruptedException { return set.acquire(timeout); }

    @Override public List<ReplicaInfo> replicas() { return set.replicas(); }

    @Override public void onContainerRemoved(Consumer<URI> listener) { set.onContainerRemoved(listener); }
}
