package dev.berth.runner.durable.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.durable.DurableControl;
import dev.berth.runner.durable.DurableException;
import dev.berth.runner.durable.DurableException.Reason;
import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
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

/// An in-memory durable backend for the management API tests: instances as put, state rules as the real
/// backend's (events and control only for unfinished instances, purge only finished ones), and a log of
/// the calls that changed something. Pages are numbered offsets. Thread-safe (synchronized).
final class FakeDurableControl implements DurableControl {
    static final String HUB = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, InstanceInfo> instances = new LinkedHashMap<>();
    private final Map<String, List<HistoryItem>> histories = new LinkedHashMap<>();
    private final List<String> declared;
    /// "raise i1 approval true", "terminate i1 \"why\"", … in order.
    final List<String> calls = new CopyOnWriteArrayList<>();
    private Instant now = Instant.parse("2024-05-01T10:00:00Z");
    private int nextId;

    FakeDurableControl(String... declared) {
        this.declared = List.of(declared);
    }

    /// Puts an instance in [#HUB] created at `created`, with JSON payloads as given.
    synchronized InstanceInfo put(String id, String name, RuntimeStatus status, Instant created, String input,
                                  String output) {
        return put(new InstanceInfo(HUB, id, "exec-" + id, name, status, created, created.plusSeconds(5),
                Optional.empty(), input, output, null, Optional.empty(), Optional.empty()));
    }

    synchronized InstanceInfo put(InstanceInfo info) {
        instances.put(key(info.hub(), info.instanceId()), info);
        return info;
    }

    synchronized void history(String id, List<HistoryItem> items) {
        histories.put(key(HUB, id), List.copyOf(items));
    }

    static Failure failure(String message) {
        return new Failure("java.lang.IllegalStateException", message, "at Orchestrator.run(Orchestrator.java:12)");
    }

    @Override public String defaultHub() { return HUB; }

    @Override
    public synchronized String start(String hub, String name, Optional<String> instanceId, String inputJson,
                                     Optional<Instant> startAt) throws DurableException {
        if (!declared.isEmpty() && !declared.contains(name)) throw new DurableException(Reason.INVALID, "unknown " + name);
        checkJson(inputJson);
        var id = instanceId.orElseGet(() -> "generated-" + ++nextId);
        var existing = instances.get(key(hub, id));
        if (existing != null && !existing.status().terminal()) {
            throw new DurableException(Reason.ALREADY_EXISTS, "Instance '" + id + "' is still " + existing.status().azureName()
                    + ". Fix: wait for it, terminate it, or start under another id.");
        }
        now = now.plusSeconds(1);
        put(new InstanceInfo(hub, id, "exec-" + id, name, RuntimeStatus.PENDING, now, now, startAt, inputJson, null,
                null, Optional.empty(), Optional.empty()));
        calls.add("start " + hub + " " + name + " " + id + " " + inputJson);
        return id;
    }

    @Override
    public synchronized Optional<InstanceInfo> instance(String hub, String instanceId) {
        return Optional.ofNullable(instances.get(key(hub, instanceId)));
    }

    @Override
    public synchronized List<HistoryItem> history(String hub, String instanceId) {
        return histories.getOrDefault(key(hub, instanceId), List.of());
    }

    @Override
    public synchronized InstancePage query(String hub, InstanceQuery query) {
        var matching = instances.values().stream().filter(i -> i.hub().equals(hub))
                .filter(i -> query.statuses().isEmpty() || query.statuses().contains(i.status()))
                .filter(i -> query.createdFrom().map(from -> !i.created().isBefore(from)).orElse(true))
                .filter(i -> query.createdTo().map(to -> i.created().isBefore(to)).orElse(true))
                .filter(i -> i.instanceId().startsWith(query.idPrefix()))
                .sorted(Comparator.comparing(InstanceInfo::created).reversed())
                .map(i -> query.withPayloads() ? i : i.withoutPayloads()).toList();
        int offset;
        try {
            offset = query.continuation().map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown continuation token '" + query.continuation().get() + "'");
        }
        int top = query.top() == 0 ? 100 : query.top();
        int end = Math.min(matching.size(), offset + top);
        var next = end < matching.size() ? Optional.of(Integer.toString(end)) : Optional.<String>empty();
        return new InstancePage(matching.subList(Math.min(offset, end), end), next);
    }

    @Override
    public synchronized void raiseEvent(String hub, String instanceId, String name, String inputJson)
            throws DurableException {
        checkJson(inputJson);
        unfinished(hub, instanceId, "raise event '" + name + "'");
        calls.add("raise " + instanceId + " " + name + " " + inputJson);
    }

    @Override
    public synchronized void terminate(String hub, String instanceId, String outputJson) throws DurableException {
        var info = unfinished(hub, instanceId, "terminate");
        set(info, RuntimeStatus.TERMINATED, outputJson);
        calls.add("terminate " + instanceId + " " + outputJson);
    }

    @Override
    public synchronized void suspend(String hub, String instanceId, String reason) throws DurableException {
        set(unfinished(hub, instanceId, "suspend"), RuntimeStatus.SUSPENDED, null);
        calls.add("suspend " + instanceId + " " + reason);
    }

    @Override
    public synchronized void resume(String hub, String instanceId, String reason) throws DurableException {
        set(unfinished(hub, instanceId, "resume"), RuntimeStatus.RUNNING, null);
        calls.add("resume " + instanceId + " " + reason);
    }

    @Override
    public synchronized void rewind(String hub, String instanceId, String reason) throws DurableException {
        var info = existing(hub, instanceId);
        if (info.status() != RuntimeStatus.FAILED) {
            throw new DurableException(Reason.WRONG_STATE, "Only a Failed instance can be rewound; '" + instanceId
                    + "' is " + info.status().azureName() + ".");
        }
        set(info, RuntimeStatus.RUNNING, null);
        calls.add("rewind " + instanceId + " " + reason);
    }

    @Override
    public synchronized String restart(String hub, String instanceId, boolean newInstanceId) throws DurableException {
        var info = existing(hub, instanceId);
        return start(hub, info.name(), newInstanceId ? Optional.empty() : Optional.of(instanceId), info.input(),
                Optional.empty());
    }

    @Override
    public synchronized int purge(String hub, String instanceId) throws DurableException {
        var info = instances.get(key(hub, instanceId));
        if (info == null) return 0;
        if (!info.status().terminal()) {
            throw new DurableException(Reason.WRONG_STATE, "Instance '" + instanceId + "' is still "
                    + info.status().azureName() + "; only finished instances are purged. Fix: terminate it first.");
        }
        instances.remove(key(hub, instanceId));
        calls.add("purge " + instanceId);
        return 1;
    }

    @Override
    public synchronized int purge(String hub, PurgeFilter filter) {
        var doomed = new ArrayList<InstanceInfo>();
        for (var info : instances.values()) {
            boolean matches = info.hub().equals(hub) && info.status().terminal()
                    && (filter.statuses().isEmpty() || filter.statuses().contains(info.status()))
                    && filter.createdFrom().map(from -> !info.created().isBefore(from)).orElse(true)
                    && filter.createdTo().map(to -> info.created().isBefore(to)).orElse(true);
            if (matches) doomed.add(info);
        }
        doomed.forEach(info -> instances.remove(key(hub, info.instanceId())));
        calls.add("purge-filter " + filter.createdFrom().orElseThrow() + " " + filter.statuses().size());
        return doomed.size();
    }

    @Override
    public synchronized CompletableFuture<InstanceInfo> completion(String hub, String instanceId) {
        var info = instances.get(key(hub, instanceId));
        return info != null && info.status().terminal() ? CompletableFuture.completedFuture(info) : new CompletableFuture<>();
    }

    @Override public List<String> declaredOrchestrations() { return declared; }

    private InstanceInfo existing(String hub, String id) throws DurableException {
        var info = instances.get(key(hub, id));
        if (info == null) throw new DurableException(Reason.NOT_FOUND, "No instance '" + id + "' in task hub '" + hub + "'.");
        return info;
    }

    private InstanceInfo unfinished(String hub, String id, String what) throws DurableException {
        var info = existing(hub, id);
        if (info.status().terminal()) {
            throw new DurableException(Reason.WRONG_STATE, "Cannot " + what + ": instance '" + id + "' is "
                    + info.status().azureName() + ". Fix: start a new instance.");
        }
        return info;
    }

    private void set(InstanceInfo info, RuntimeStatus status, String output) {
        now = now.plusSeconds(1);
        put(new InstanceInfo(info.hub(), info.instanceId(), info.executionId(), info.name(), status, info.created(), now,
                info.scheduledStart(), info.input(), output == null ? info.output() : output, info.customStatus(),
                info.failure(), info.parentInstanceId()));
    }

    private static void checkJson(String text) throws DurableException {
        if (text == null) return;
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DurableException(Reason.INVALID, "not JSON: " + text);
        }
    }

    private static String key(String hub, String id) {
        return hub + "\u0000" + id;
    }
}
