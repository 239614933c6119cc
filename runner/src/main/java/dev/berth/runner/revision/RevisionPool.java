package dev.berth.runner.revision;

import dev.berth.runner.replica.ReplicaPool;

import java.util.List;

/// The replicas of one revision as the revision manager drives them (a `ReplicaSet` in a session, a fake
/// in tests). Thread-safe.
public interface RevisionPool extends ReplicaPool {
    void scaleTo(int count);

    /// Stops every replica and removes its containers; names the replicas that may have left one.
    List<String> stop();

    /// Makes a pool for one revision's template.
    @FunctionalInterface
    interface Factory {
        RevisionPool create(dev.berth.runner.replica.ReplicaTemplate template);
    }
}
