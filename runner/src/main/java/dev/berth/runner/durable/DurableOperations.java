package dev.berth.runner.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionResumedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionSuspendedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionTerminatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GenericEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.berth.runner.durable.DurableException.Reason.ALREADY_EXISTS;
import static dev.berth.runner.durable.DurableException.Reason.INVALID;
import static dev.berth.runner.durable.DurableException.Reason.NOT_FOUND;
import static dev.berth.runner.durable.DurableException.Reason.WRONG_STATE;

/// The client operations of the durable backend ([DurableControl]) on top of the engine: each is one
/// engine step. Refusals name the instance, its state and what to do instead. Thread-safe.
public final class DurableOperations implements DurableControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DurableEngine engine;
    private final Episodes episodes;
    private final String defaultHub;
    private final List<String> declared;

    DurableOperations(DurableEngine engine, String defaultHub, List<String> declared) {
        this.engine = engine;
        this.episodes = engine.episodes;
        this.defaultHub = defaultHub;
        this.declared = List.copyOf(declared);
    }

    @Override public String defaultHub() { return defaultHub; }

    @Override public List<String> declaredOrchestrations() { return declared; }

    @Override
    public String start(String hub, String name, Optional<String> instanceId, String inputJson, Optional<Instant> startAt)
            throws DurableException {
        if (name == null || name.isBlank()) throw new DurableException(INVALID, "the orchestration name is empty."
                + " Fix: name one of " + known() + ".");
        if (!declared.isEmpty() && !declared.contains(name)) {
            throw new DurableException(INVALID, "no orchestration named '" + name + "' in this project. Fix: start one of "
                    + known() + " (folders whose function.json has an orchestrationTrigger).");
        }
        checkJson(inputJson, "the input");
        var id = instanceId.filter(s -> !s.isBlank()).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        checkId(id);
        var key = new InstanceKey(hub, id);
        run(() -> {
            var existing = engine.active.get(key);
            if (existing != null) {
                throw new DurableException(ALREADY_EXISTS, "instance " + id + " is still " + existing.status.azureName()
                        + ". Fix: use another id, or terminate it first.");
            }
            episodes.start(key, name, inputJson, startAt.orElse(null), null, engine.clock.instant());
        });
        return id;
    }

    private String known() {
        return declared.isEmpty() ? "the orchestrations your worker registers" : String.join(", ", declared);
    }

    @Override
    public Optional<InstanceInfo> instance(String hub, String instanceId) {
        try {
            return engine.store.info(new InstanceKey(hub, instanceId));
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    @Override
    public List<HistoryItem> history(String hub, String instanceId) {
        try {
            var events = engine.store.history(new InstanceKey(hub, instanceId));
            var items = new ArrayList<HistoryItem>(events.size());
            for (int i = 0; i < events.size(); i++) items.add(HistoryItems.of(i, events.get(i)));
            return items;
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    @Override
    public InstancePage query(String hub, InstanceQuery query) {
        try {
            return engine.store.query(hub, query);
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    @Override
    public void raiseEvent(String hub, String instanceId, String name, String inputJson) throws DurableException {
        if (name == null || name.isBlank()) throw new DurableException(INVALID, "the event name is empty. Fix: name the"
                + " event the orchestration waits for (waitForExternalEvent).");
        checkJson(inputJson, "the event data");
        run(() -> {
            var instance = running(hub, instanceId, "raise an event for");
            var data = inputJson == null ? null : Protos.text(inputJson);
            engine.deliver(instance, Episodes.raised(name, data, engine.clock.instant()), engine.clock.instant());
            engine.changed(instance, "event " + name + " raised");
        });
    }

    @Override
    public void terminate(String hub, String instanceId, String outputJson) throws DurableException {
        checkJson(outputJson, "the output");
        run(() -> {
            var instance = running(hub, instanceId, "terminate");
            var now = engine.clock.instant();
            var terminated = ExecutionTerminatedEvent.newBuilder();
            var completed = ExecutionCompletedEvent.newBuilder()
                    .setOrchestrationStatus(OrchestrationStatus.ORCHESTRATION_STATUS_TERMINATED);
            if (outputJson != null) {
                terminated.setInput(Protos.text(outputJson));
                completed.setResult(Protos.text(outputJson));
            }
            var recorded = List.of(Protos.event(now).setExecutionTerminated(terminated).build(),
                    Protos.event(now).setExecutionCompleted(completed).build());
            engine.store.appendHistory(instance.key, instance.history.size(), recorded);
            instance.history.addAll(recorded);
            instance.status = RuntimeStatus.TERMINATED;
            instance.output = outputJson;
            instance.updated = now;
            engine.finished(instance);
            engine.store.saveInstance(instance);
            episodes.notifyParent(instance, now);
            engine.changed(instance, "terminated");
        });
    }

    @Override
    public void suspend(String hub, String instanceId, String reason) throws DurableException {
        run(() -> {
            var instance = running(hub, instanceId, "suspend");
            if (instance.suspended) return;
            var event = ExecutionSuspendedEvent.newBuilder();
            if (reason != null) event.setInput(Protos.text(reason));
            instance.suspended = true;
            instance.status = RuntimeStatus.SUSPENDED;
            save(instance, Protos.event(engine.clock.instant()).setExecutionSuspended(event).build(), "suspended");
        });
    }

    @Override
    public void resume(String hub, String instanceId, String reason) throws DurableException {
        run(() -> {
            var instance = running(hub, instanceId, "resume");
            if (!instance.suspended) return;
            var event = ExecutionResumedEvent.newBuilder();
            if (reason != null) event.setInput(Protos.text(reason));
            instance.suspended = false;
            instance.status = instance.history.isEmpty() ? RuntimeStatus.PENDING : RuntimeStatus.RUNNING;
            save(instance, Protos.event(engine.clock.instant()).setExecutionResumed(event).build(), "resumed");
        });
    }

    private void save(Instance instance, HistoryEvent event, String change) throws SQLException {
        instance.updated = engine.clock.instant();
        engine.deliver(instance, event, engine.clock.instant());
        engine.store.saveInstance(instance);
        engine.changed(instance, change);
    }

    @Override
    public void rewind(String hub, String instanceId, String reason) throws DurableException {
        run(() -> new Rewind(engine, episodes).rewind(new InstanceKey(hub, instanceId), reason));
    }

    @Override
    public String restart(String hub, String instanceId, boolean newInstanceId) throws DurableException {
        var old = instance(hub, instanceId).orElseThrow(() -> notFound(hub, instanceId));
        if (!newInstanceId && !old.status().terminal()) {
            throw new DurableException(WRONG_STATE, "instance " + instanceId + " is still " + old.status().azureName()
                    + ". Fix: restart it under a new id, or terminate it first.");
        }
        var input = instance(hub, instanceId).map(InstanceInfo::input).orElse(null);
        return start(hub, old.name(), newInstanceId ? Optional.empty() : Optional.of(instanceId), input, Optional.empty());
    }

    @Override
    public int purge(String hub, String instanceId) throws DurableException {
        var key = new InstanceKey(hub, instanceId);
        int[] deleted = {0};
        run(() -> {
            var live = engine.active.get(key);
            if (live != null) throw new DurableException(WRONG_STATE, "instance " + instanceId + " is still "
                    + live.status.azureName() + "; only finished instances are purged. Fix: terminate it first.");
            if (engine.store.info(key).isEmpty()) throw notFound(hub, instanceId);
            engine.store.deleteInstance(key);
            deleted[0] = 1;
        });
        return deleted[0];
    }

    @Override
    public int purge(String hub, PurgeFilter filter) {
        try {
            var keys = engine.store.finished(hub, filter);
            run(() -> {
                for (var key : keys) engine.store.deleteInstance(key);
            });
            return keys.size();
        } catch (SQLException e) {
            throw storeFailed(e);
        } catch (DurableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<InstanceInfo> completion(String hub, String instanceId) {
        return engine.await(new InstanceKey(hub, instanceId), RuntimeStatus::terminal);
    }

    /// Completes once the instance has left Pending (or finished).
    CompletableFuture<InstanceInfo> started(String hub, String instanceId) {
        return engine.await(new InstanceKey(hub, instanceId), status -> status != RuntimeStatus.PENDING);
    }

    /// Marks a rewind in the history, so the orchestrator replays even when no activity is re-run.
    static HistoryEvent rewound(String reason, Instant now) {
        return Protos.event(now).setGenericEvent(GenericEvent.newBuilder()
                .setData("rewound" + (reason == null || reason.isBlank() ? "" : ": " + reason))).build();
    }

    private Instance running(String hub, String instanceId, String what) throws DurableException, SQLException {
        var instance = engine.active.get(new InstanceKey(hub, instanceId));
        if (instance != null) return instance;
        var stored = engine.store.info(new InstanceKey(hub, instanceId));
        if (stored.isEmpty()) throw notFound(hub, instanceId);
        throw new DurableException(WRONG_STATE, "cannot " + what + " instance " + instanceId + ": it is "
                + stored.get().status().azureName() + ". Fix: restart it, or rewind it if it failed.");
    }

    static DurableException notFound(String hub, String instanceId) {
        return new DurableException(NOT_FOUND, "no instance " + instanceId + " in task hub " + hub
                + ". Fix: check the id (berth durable list shows them).");
    }

    private static void checkJson(String text, String what) throws DurableException {
        if (text == null) return;
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DurableException(INVALID, what + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "). Fix: send JSON, e.g. \"text\" with quotes, a number, or {\"key\": \"value\"}.");
        }
    }

    private static void checkId(String id) throws DurableException {
        if (id.length() > 256 || id.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\' || c == '#' || c == '?')) {
            throw new DurableException(INVALID, "instance id '" + id + "' is not allowed: ids are at most 256"
                    + " characters without control characters, /, \\, # or ?. Fix: choose another id.");
        }
    }

    private void run(DurableEngine.SqlWork work) throws DurableException {
        try {
            engine.step(work);
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    private static IllegalStateException storeFailed(SQLException e) {
        return new IllegalStateException("the durable store failed: " + e.getMessage()
                + ". Nothing was changed; check the disk and the permissions of .berth/berth.db.", e);
    }
}
