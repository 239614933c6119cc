package dev.berth.runner.revision;

import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.replica.ReplicaInfo;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/// Waits until a pool has a ready replica, polling on the injected clock and pause. Stateless.
final class RevisionReadiness {
    private RevisionReadiness() {}

    static boolean await(RevisionPool pool, Clock clock, RevisionManager.Settings settings) throws InterruptedException {
        return await(pool::replicas, () -> true, clock, settings);
    }

    /// True once `replicas` holds a READY one; false at the deadline or once `alive` turns false.
    static boolean await(Supplier<List<ReplicaInfo>> replicas, BooleanSupplier alive, Clock clock,
                         RevisionManager.Settings settings) throws InterruptedException {
        var deadline = clock.instant().plus(settings.readyDeadline());
        while (clock.instant().isBefore(deadline)) {
            if (replicas.get().stream().anyMatch(r -> r.state() == ReplicaState.READY)) return true;
            if (!alive.getAsBoolean()) return false;
            settings.pause().sleep(settings.poll());
        }
        return false;
    }
}
