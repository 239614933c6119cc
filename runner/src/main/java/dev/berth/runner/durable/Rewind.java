package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

import static dev.berth.runner.durable.DurableException.Reason.WRONG_STATE;

/// Rewinds a Failed instance to its last good state: the failure results and the failed end leave the
/// history, the failed activities run again, failed sub-orchestrations are rewound too, and the
/// orchestrator replays from there. Called inside an engine step.
final class Rewind {
    private final DurableEngine engine;
    private final Episodes episodes;

    Rewind(DurableEngine engine, Episodes episodes) {
        this.engine = engine;
        this.episodes = episodes;
    }

    void rewind(InstanceKey key, String reason) throws SQLException, DurableException {
        var live = engine.active.get(key);
        if (live != null) throw new DurableException(WRONG_STATE, "instance " + key.id() + " is "
                + live.status.azureName() + "; only Failed instances are rewound. Fix: wait for it to fail, or terminate it.");
        var instance = engine.store.load(key).orElseThrow(() -> DurableOperations.notFound(key.hub(), key.id()));
        if (instance.status != RuntimeStatus.FAILED) throw new DurableException(WRONG_STATE, "instance " + key.id()
                + " is " + instance.status.azureName() + "; only Failed instances are rewound. Fix: restart it instead.");
        var now = engine.clock.instant();
        Set<Integer> failedTasks = new HashSet<>();
        Set<Integer> failedChildren = new HashSet<>();
        var kept = new ArrayList<HistoryEvent>();
        for (var event : instance.history) {
            if (event.hasExecutionCompleted()) continue;
            if (event.hasTaskFailed()) failedTasks.add(event.getTaskFailed().getTaskScheduledId());
            else if (event.hasSubOrchestrationInstanceFailed()) failedChildren.add(event.getSubOrchestrationInstanceFailed().getTaskScheduledId());
            else kept.add(event);
        }
        instance.history.clear();
        instance.history.addAll(kept);
        instance.status = RuntimeStatus.RUNNING;
        instance.failure = null;
        instance.output = null;
        instance.suspended = false;
        instance.updated = now;
        engine.store.replaceHistory(key, kept);
        engine.store.saveInstance(instance);
        engine.add(instance);
        for (var event : kept) {
            if (event.hasTaskScheduled() && failedTasks.contains(event.getEventId())) {
                episodes.runActivity(instance, event.getEventId(), event.getTaskScheduled());
            } else if (event.hasSubOrchestrationInstanceCreated() && failedChildren.contains(event.getEventId())) {
                var child = new InstanceKey(key.hub(), event.getSubOrchestrationInstanceCreated().getInstanceId());
                if (engine.store.info(child).filter(c -> c.status() == RuntimeStatus.FAILED).isPresent()) rewind(child, reason);
            }
        }
        engine.deliver(instance, DurableOperations.rewound(reason, now), now);
        engine.changed(instance, "rewound" + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }
}
