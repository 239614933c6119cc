package dev.berth.runner.session;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.queue.QueueStore;
import dev.berth.runner.revision.RevisionManager;
import dev.berth.runner.scale.AppAutoscaler;
import dev.berth.runner.scale.Autoscaler;

import java.time.Clock;

/// The session's autoscaler steers its latest revision: the one a rollout moves traffic to. After a
/// rollout it steers the new one; older revisions keep what they had until they drain. Stateless.
final class SessionScaling {
    private SessionScaling() {}

    static Autoscaler start(FunctionApp app, String firstRevision, RevisionManager revisions, Ingress ingress,
                            QueueStore queues, EventListener events, Clock clock) {
        var target = new Autoscaler.Target(
                () -> latestPool(revisions).map(pool -> AppAutoscaler.running(pool.replicas())).orElse(0),
                count -> latestPool(revisions).ifPresent(pool -> pool.scaleTo(count)));
        return AppAutoscaler.start(app, firstRevision, target, ingress, queues, events, clock);
    }

    private static java.util.Optional<dev.berth.runner.revision.RevisionPool> latestPool(RevisionManager revisions) {
        return revisions.router().pool(revisions.latestRevision());
    }
}
