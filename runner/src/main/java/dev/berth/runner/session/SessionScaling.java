package dev.berth.runner.session;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.queue.QueueStore;
import dev.berth.runner.revision.RevisionManager;
import dev.berth.runner.scale.AppAutoscaler;
import dev.berth.runner.scale.Autoscaler;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ResourceUse;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.gpu.GpuSampler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/// The session's autoscaler steers its latest revision: the one a rollout moves traffic to. After a
/// rollout it steers the new one; older revisions keep what they had until they drain. Stateless.
final class SessionScaling {
    private SessionScaling() {}

    static Autoscaler start(FunctionApp app, String firstRevision, RevisionManager revisions, Ingress ingress,
                            QueueStore queues, ContainerEngine engine, GpuSampler gpus, EventListener events,
                            Clock clock) {
        var target = new Autoscaler.Target(
                () -> latestPool(revisions).map(pool -> AppAutoscaler.running(pool.replicas())).orElse(0),
                count -> latestPool(revisions).ifPresent(pool -> pool.scaleTo(count)));
        return AppAutoscaler.start(app, firstRevision, target, ingress, queues, () -> usage(revisions, engine),
                () -> gpus.busy(revisions.latestRevision()), events, clock);
    }

    /// One stats sample per ready replica of the latest revision, taken side by side (each takes about a second).
    private static List<ResourceUse> usage(RevisionManager revisions, ContainerEngine engine) {
        var containers = latestPool(revisions).map(pool -> pool.replicas().stream()
                .filter(r -> r.state() == ReplicaState.READY && !r.containerId().isEmpty())
                .map(r -> r.containerId()).toList()).orElse(List.of());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var samples = containers.stream().map(id -> pool.submit(() -> engine.usage(id))).toList();
            var out = new ArrayList<ResourceUse>();
            for (var sample : samples) {
                try {
                    sample.get().ifPresent(out::add);
                } catch (ExecutionException e) {
                    // that replica went away meanwhile: the others make the average
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return out;
        }
    }

    private static java.util.Optional<dev.berth.runner.revision.RevisionPool> latestPool(RevisionManager revisions) {
        return revisions.router().pool(revisions.latestRevision());
    }
}
