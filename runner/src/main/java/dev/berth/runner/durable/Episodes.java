package dev.berth.runner.durable;

import com.google.protobuf.StringValue;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ActivityRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CompleteOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateSubOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.EventRaisedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.EventSentEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ScheduleTaskAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SendEventAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/// Applies what an orchestrator episode decided: the events it saw become history, each action becomes
/// history plus its effect (an activity to run, a timer, a child instance, an event for another instance,
/// the end of the instance or a new execution). Also creates instances, for clients and parents alike.
/// Called inside an engine step, with its lock held.
final class Episodes {
    private final DurableEngine engine;

    Episodes(DurableEngine engine) {
        this.engine = engine;
    }

    void apply(Instance instance, OrchestratorResponse response) throws SQLException {
        var now = engine.clock.instant();
        var recorded = new ArrayList<HistoryEvent>();
        recorded.add(instance.episodeStart);
        instance.dispatched.forEach(entry -> recorded.add(entry.event()));
        engine.store.removeInbox(instance.dispatched);
        instance.inbox.removeAll(instance.dispatched);
        instance.dispatched = List.of();
        instance.lockedBy = null;
        if (instance.status == RuntimeStatus.PENDING) instance.status = RuntimeStatus.RUNNING;
        CompleteOrchestrationAction completion = null;
        int scheduled = 0;
        for (var action : response.getActionsList()) {
            switch (action.getOrchestratorActionTypeCase()) {
                case SCHEDULETASK -> { scheduleTask(instance, action.getId(), action.getScheduleTask(), recorded, now); scheduled++; }
                case CREATETIMER -> createTimer(instance, action, recorded, now);
                case CREATESUBORCHESTRATION -> createChild(instance, action.getId(), action.getCreateSubOrchestration(), recorded, now);
                case SENDEVENT -> sendEvent(instance, action.getId(), action.getSendEvent(), recorded, now);
                case COMPLETEORCHESTRATION -> completion = action.getCompleteOrchestration();
                case ORCHESTRATORACTIONTYPE_NOT_SET -> { } // nothing to do; newer SDKs may send kinds 1.5 lacks
            }
        }
        var custom = response.hasCustomStatus() ? response.getCustomStatus().getValue() : "";
        instance.customStatus = custom.isEmpty() ? null : custom;
        instance.updated = now;
        if (completion != null && completion.getOrchestrationStatus() == OrchestrationStatus.ORCHESTRATION_STATUS_CONTINUED_AS_NEW) {
            continueAsNew(instance, completion, now);
            return;
        }
        if (completion != null) recorded.add(completed(instance, completion, now));
        recorded.add(Protos.event(now).setOrchestratorCompleted(OrchestratorCompletedEvent.getDefaultInstance()).build());
        engine.store.appendHistory(instance.key, instance.history.size(), recorded);
        instance.history.addAll(recorded);
        if (completion != null) {
            engine.finished(instance);
            notifyParent(instance, now);
        } else if (instance.suspended) {
            instance.status = RuntimeStatus.SUSPENDED;
        }
        engine.store.saveInstance(instance);
        if (completion == null) engine.add(instance); // events that arrived during the episode wait for the next
        engine.changed(instance, completion != null ? "finished " + instance.status.azureName()
                : scheduled > 0 ? "scheduled " + scheduled + " activit" + (scheduled == 1 ? "y" : "ies") : "episode done");
    }

    private void scheduleTask(Instance instance, int id, ScheduleTaskAction task, List<HistoryEvent> recorded,
                              Instant now) throws SQLException {
        var scheduled = TaskScheduledEvent.newBuilder().setName(task.getName());
        if (task.hasVersion()) scheduled.setVersion(task.getVersion());
        if (task.hasInput()) scheduled.setInput(task.getInput());
        var event = scheduled.build();
        recorded.add(Protos.event(now).setEventId(id).setTaskScheduled(event).build());
        runActivity(instance, id, event);
    }

    /// Queues the activity a TaskScheduled event with action id `id` asks for.
    void runActivity(Instance instance, int id, TaskScheduledEvent task) throws SQLException {
        var request = ActivityRequest.newBuilder().setName(task.getName()).setTaskId(id)
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(instance.key.id())
                        .setExecutionId(Protos.text(instance.executionId)));
        if (task.hasVersion()) request.setVersion(task.getVersion());
        if (task.hasInput()) request.setInput(task.getInput());
        var built = request.build();
        engine.schedule(new Activity(engine.store.addActivity(instance.key, id, built), instance.key, id, built));
    }

    private void createTimer(Instance instance, OrchestratorAction action, List<HistoryEvent> recorded, Instant now)
            throws SQLException {
        var fireAt = action.getCreateTimer().getFireAt();
        recorded.add(Protos.event(now).setEventId(action.getId())
                .setTimerCreated(TimerCreatedEvent.newBuilder().setFireAt(fireAt)).build());
        var fired = Protos.event(Protos.instant(fireAt))
                .setTimerFired(TimerFiredEvent.newBuilder().setFireAt(fireAt).setTimerId(action.getId())).build();
        engine.deliver(instance, fired, Protos.instant(fireAt));
    }

    private void createChild(Instance parent, int id, CreateSubOrchestrationAction action, List<HistoryEvent> recorded,
                             Instant now) throws SQLException {
        var created = SubOrchestrationInstanceCreatedEvent.newBuilder().setInstanceId(action.getInstanceId())
                .setName(action.getName());
        if (action.hasVersion()) created.setVersion(action.getVersion());
        if (action.hasInput()) created.setInput(action.getInput());
        recorded.add(Protos.event(now).setEventId(id).setSubOrchestrationInstanceCreated(created).build());
        var childKey = new InstanceKey(parent.key.hub(), action.getInstanceId());
        var existing = engine.active.get(childKey);
        if (existing != null) {
            var failed = SubOrchestrationInstanceFailedEvent.newBuilder().setTaskScheduledId(id)
                    .setFailureDetails(Protos.details("InstanceAlreadyExists", "an instance with id "
                            + childKey.id() + " is still " + existing.status.azureName()));
            engine.deliver(parent, Protos.event(now).setSubOrchestrationInstanceFailed(failed).build(), now);
            return;
        }
        var info = ParentInstanceInfo.newBuilder().setTaskScheduledId(id).setName(Protos.text(parent.name))
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(parent.key.id())
                        .setExecutionId(Protos.text(parent.executionId)));
        var input = action.hasInput() ? action.getInput().getValue() : null;
        start(childKey, action.getName(), input, null, info.build(), now);
    }

    private void sendEvent(Instance instance, int id, SendEventAction action, List<HistoryEvent> recorded, Instant now)
            throws SQLException {
        if (!instance.sentEvents.add(id)) return; // replayed: sent in an earlier episode
        var sent = EventSentEvent.newBuilder().setInstanceId(action.getInstance().getInstanceId()).setName(action.getName());
        if (action.hasData()) sent.setInput(action.getData());
        recorded.add(Protos.event(now).setEventId(id).setEventSent(sent).build());
        var target = engine.active.get(new InstanceKey(instance.key.hub(), action.getInstance().getInstanceId()));
        if (target == null) return; // as in the cloud: an event for a missing or finished instance is dropped
        engine.deliver(target, raised(action.getName(), action.hasData() ? action.getData() : null, now), now);
        engine.changed(target, "event " + action.getName() + " from " + instance.key.id());
    }

    static HistoryEvent raised(String name, StringValue data, Instant now) {
        var raised = EventRaisedEvent.newBuilder().setName(name);
        if (data != null) raised.setInput(data);
        return Protos.event(now).setEventRaised(raised).build();
    }

    private HistoryEvent completed(Instance instance, CompleteOrchestrationAction completion, Instant now) {
        instance.status = HistoryItems.status(completion.getOrchestrationStatus());
        instance.output = completion.hasResult() ? completion.getResult().getValue() : null;
        instance.failure = completion.hasFailureDetails() ? explain(instance, completion.getFailureDetails()) : null;
        var event = ExecutionCompletedEvent.newBuilder().setOrchestrationStatus(completion.getOrchestrationStatus());
        if (completion.hasResult()) event.setResult(completion.getResult());
        if (instance.failure != null) event.setFailureDetails(instance.failure);
        return Protos.event(now).setExecutionCompleted(event).build();
    }

    /// The Java SDK fails an orchestration no worker registered with a bare NullPointerException; say what it means.
    private TaskFailureDetails explain(Instance instance, TaskFailureDetails details) {
        if (!details.getErrorMessage().contains("TaskOrchestrationFactory")) return details;
        return details.toBuilder().setErrorType("UnknownOrchestration").setErrorMessage("no orchestration named '"
                + instance.name + "' is registered with the worker of task hub " + instance.key.hub()
                + " (the SDK reported: " + details.getErrorMessage() + "). Fix: register it with addOrchestration,"
                + " or start an orchestration the worker knows.").build();
    }

    private void continueAsNew(Instance instance, CompleteOrchestrationAction completion, Instant now) throws SQLException {
        var carried = completion.getCarryoverEventsList();
        var newInput = completion.hasResult() ? completion.getResult().getValue() : null;
        // Results, timers and activities of the old execution must not reach the new one (ids restart at 0);
        // raised events not yet seen, suspends and terminates carry over.
        var kept = instance.inbox.stream().filter(e -> e.event().hasEventRaised() || e.event().hasExecutionSuspended()
                || e.event().hasExecutionResumed() || e.event().hasExecutionTerminated()).map(InboxEntry::event).toList();
        engine.dropPending(instance);
        instance.history.clear();
        instance.sentEvents.clear();
        instance.executionId = UUID.randomUUID().toString();
        instance.input = newInput;
        instance.status = instance.suspended ? RuntimeStatus.SUSPENDED : RuntimeStatus.RUNNING;
        engine.store.replaceHistory(instance.key, List.of());
        engine.deliver(instance, executionStarted(instance, newInput, null, now), now);
        for (var event : carried) engine.deliver(instance, event, now);
        for (var event : kept) engine.deliver(instance, event, now);
        engine.store.saveInstance(instance);
        engine.changed(instance, "continued as new");
    }

    /// Creates and saves a new instance whose first event, ExecutionStarted, waits in its inbox until
    /// `startAt` (now when null).
    Instance start(InstanceKey key, String name, String input, Instant startAt, ParentInstanceInfo parent, Instant now)
            throws SQLException {
        var instance = new Instance(key);
        instance.executionId = UUID.randomUUID().toString();
        instance.name = name;
        instance.status = RuntimeStatus.PENDING;
        instance.created = now;
        instance.updated = now;
        instance.scheduledStart = startAt;
        instance.input = input;
        instance.parent = parent;
        engine.store.replaceHistory(key, List.of());
        engine.store.clearPending(key);
        engine.store.saveInstance(instance);
        engine.add(instance);
        engine.deliver(instance, executionStarted(instance, input, startAt, now), startAt == null ? now : startAt);
        engine.changed(instance, "started");
        return instance;
    }

    private static HistoryEvent executionStarted(Instance instance, String input, Instant startAt, Instant now) {
        var started = ExecutionStartedEvent.newBuilder().setName(instance.name)
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(instance.key.id())
                        .setExecutionId(Protos.text(instance.executionId)));
        if (input != null) started.setInput(Protos.text(input));
        if (startAt != null) started.setScheduledStartTimestamp(Protos.timestamp(startAt));
        if (instance.parent != null) started.setParentInstance(instance.parent);
        return Protos.event(now).setExecutionStarted(started).build();
    }

    /// Tells the parent of a finished sub-orchestration how it ended.
    void notifyParent(Instance child, Instant now) throws SQLException {
        if (child.parent == null) return;
        var parent = engine.active.get(new InstanceKey(child.key.hub(), child.parent.getOrchestrationInstance().getInstanceId()));
        if (parent == null) return;
        int id = child.parent.getTaskScheduledId();
        HistoryEvent event;
        if (child.status == RuntimeStatus.COMPLETED) {
            var done = SubOrchestrationInstanceCompletedEvent.newBuilder().setTaskScheduledId(id);
            if (child.output != null) done.setResult(Protos.text(child.output));
            event = Protos.event(now).setSubOrchestrationInstanceCompleted(done).build();
        } else {
            var failure = child.failure != null ? child.failure : Protos.details("SubOrchestration" + child.status.azureName(),
                    "sub-orchestration " + child.key.id() + " ended " + child.status.azureName());
            event = Protos.event(now).setSubOrchestrationInstanceFailed(SubOrchestrationInstanceFailedEvent.newBuilder()
                    .setTaskScheduledId(id).setFailureDetails(failure)).build();
        }
        engine.deliver(parent, event, now);
        engine.changed(parent, "sub-orchestration " + child.key.id() + " " + child.status.azureName());
    }
}
