package dev.berth.app.ui.fakes;

import dev.berth.runner.durable.DurableControl;
import dev.berth.runner.durable.DurableException;
import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.InstancePage;
import dev.berth.runner.durable.InstanceQuery;
import dev.berth.runner.durable.PurgeFilter;
import dev.berth.runner.durable.RuntimeStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/// An in-memory durable backend: instances and histories a test puts in, commands recorded in `calls` and
/// applied the way the real backend applies them (a suspended instance is SUSPENDED …). `refusal`, when set,
/// is thrown by the next command instead. Thread-safe (the UI calls it from task threads).
public final class FakeDurable implements DurableControl {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile List<String> declared = List.of();
    public volatile DurableException refusal;
    public volatile int queries;
    public volatile int historyReads;
    private final Map<String, InstanceInfo> instances = new LinkedHashMap<>();
    private final Map<String, List<HistoryItem>> histories = new LinkedHashMap<>();
    private int started;

    /// Puts an instance (replacing one with the same id) with its history.
    public synchronized void put(InstanceInfo info, List<HistoryItem> history) {
        instances.put(info.instanceId(), info);
        histories.put(info.instanceId(), List.copyOf(history));
    }

    /// An instance of `name` in `status`, created at `created`, with input and output.
    public static InstanceInfo info(String id, String name, RuntimeStatus status, Instant created, String output) {
        return new InstanceInfo("default", id, "exec-" + id, name, status, created, created.plusSeconds(1),
                Optional.empty(), "{\"from\":\"test\"}", output, null,
                status == RuntimeStatus.FAILED ? Optional.of(new Failure("java.lang.IllegalStateException", "boom", ""))
                        : Optional.empty(), Optional.empty());
    }

    @Override public String defaultHub() { return "default"; }

    @Override public synchronized String start(String hub, String name, Optional<String> instanceId, String inputJson,
                                               Optional<Instant> startAt) throws DurableException {
        command("start " + name + " " + instanceId.orElse("-") + " " + inputJson);
        var id = instanceId.orElse("started-" + ++started);
        var now = Instant.now();
        put(new InstanceInfo(hub, id, "exec", name, RuntimeStatus.RUNNING, now, now, Optional.empty(), inputJson, null,
                null, Optional.empty(), Optional.empty()), List.of(new HistoryItem(0, -1, HistoryKind.EXECUTION_STARTED,
                now, name, -1, inputJson, Optional.empty(), Optional.empty(), null, Optional.empty())));
        return id;
    }

    @Override public synchronized Optional<InstanceInfo> instance(String hub, String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override public synchronized List<HistoryItem> history(String hub, String instanceId) {
        historyReads++;
        return histories.getOrDefault(instanceId, List.of());
    }

    @Override public synchronized InstancePage query(String hub, InstanceQuery query) {
        queries++;
        var matching = instances.values().stream()
                .filter(info -> query.statuses().isEmpty() || query.statuses().contains(info.status()))
                .filter(info -> info.instanceId().startsWith(query.idPrefix()))
                .sorted(Comparator.comparing(InstanceInfo::created).reversed()).toList();
        int top = query.top() == 0 ? 100 : query.top();
        return new InstancePage(matching.stream().limit(top).map(InstanceInfo::withoutPayloads).toList(),
                matching.size() > top ? Optional.of("next") : Optional.empty());
    }

    @Override public synchronized void raiseEvent(String hub, String id, String name, String inputJson) throws DurableException {
        command("raise " + id + " " + name + " " + inputJson);
    }

    @Override public synchronized void terminate(String hub, String id, String outputJson) throws DurableException {
        move("terminate", id, RuntimeStatus.TERMINATED);
    }

    @Override public synchronized void suspend(String hub, String id, String reason) throws DurableException {
        move("suspend", id, RuntimeStatus.SUSPENDED);
    }

    @Override public synchronized void resume(String hub, String id, String reason) throws DurableException {
        move("resume", id, RuntimeStatus.RUNNING);
    }

    @Override public synchronized void rewind(String hub, String id, String reason) throws DurableException {
        move("rewind", id, RuntimeStatus.RUNNING);
    }

    @Override public synchronized String restart(String hub, String id, boolean newInstanceId) throws DurableException {
        var old = instances.get(id);
        command("restart " + id);
        return start(hub, old.name(), Optional.empty(), old.input(), Optional.empty());
    }

    @Override public synchronized int purge(String hub, String id) throws DurableException {
        command("purge " + id);
        histories.remove(id);
        return instances.remove(id) == null ? 0 : 1;
    }

    @Override public int purge(String hub, PurgeFilter filter) { throw new UnsupportedOperationException("not used by the UI"); }

    @Override public CompletableFuture<InstanceInfo> completion(String hub, String instanceId) { return new CompletableFuture<>(); }

    @Override public List<String> declaredOrchestrations() { return declared; }

    private void command(String call) throws DurableException {
        var refused = refusal;
        refusal = null;
        if (refused != null) throw refused;
        calls.add(call);
    }

    /// Records `verb id` and moves the instance to `status`.
    private void move(String verb, String id, RuntimeStatus status) throws DurableException {
        command(verb + " " + id);
        var old = instances.get(id);
        instances.put(id, new InstanceInfo(old.hub(), id, old.executionId(), old.name(), status, old.created(),
                Instant.now(), old.scheduledStart(), old.input(), old.output(), old.customStatus(), old.failure(),
                old.parentInstanceId()));
    }

    /// A history as the backend records it, built event by event; timestamps `step` ms apart from `t0`.
    public static final class History {
        private final List<HistoryItem> items = new ArrayList<>();
        private final Instant t0;
        private long at;

        public History(Instant t0) { this.t0 = t0; }

        public History event(HistoryKind kind, int eventId, int taskId, String name, String data, long afterMillis) {
            at += afterMillis;
            items.add(new HistoryItem(items.size(), eventId, kind, t0.plusMillis(at), name, taskId, data,
                    Optional.empty(), Optional.empty(), null, kind == HistoryKind.EXECUTION_COMPLETED
                    ? Optional.of(RuntimeStatus.COMPLETED) : Optional.empty()));
            return this;
        }

        public List<HistoryItem> items() { return List.copyOf(items); }

        /// A chaining orchestration `name` that called `activity` once per input, each taking 40 ms.
        public static List<HistoryItem> chain(Instant t0, String name, String activity, String... inputs) {
            var history = new History(t0).event(HistoryKind.EXECUTION_STARTED, -1, -1, name, null, 0);
            for (int i = 0; i < inputs.length; i++) {
                history.event(HistoryKind.TASK_SCHEDULED, i, -1, activity, "\"" + inputs[i] + "\"", 2)
                        .event(HistoryKind.TASK_COMPLETED, -1, i, null, "\"Hello " + inputs[i] + "!\"", 40);
            }
            return history.event(HistoryKind.EXECUTION_COMPLETED, -1, -1, null, "\"done\"", 2).items();
        }

        /// A fan-out of `count` activities 100 at a time: 2 events per activity, plus start and end.
        public static List<HistoryItem> fanOut(Instant t0, int count) {
            var history = new History(t0).event(HistoryKind.EXECUTION_STARTED, -1, -1, "BigFanOut", null, 0);
            for (int wave = 0; wave < count; wave += 100) {
                int end = Math.min(count, wave + 100);
                for (int id = wave; id < end; id++) history.event(HistoryKind.TASK_SCHEDULED, id, -1, "Work", "" + id, 0);
                for (int id = wave; id < end; id++) history.event(HistoryKind.TASK_COMPLETED, -1, id, null, "" + 2 * id, 1);
            }
            return history.event(HistoryKind.EXECUTION_COMPLETED, -1, -1, null, "\"all done\"", 1).items();
        }
    }
}
