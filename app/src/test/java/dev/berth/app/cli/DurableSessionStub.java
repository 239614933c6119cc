package dev.berth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.durable.DurableControl;
import dev.berth.runner.durable.DurableException;
import dev.berth.runner.durable.DurableException.Reason;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.InstancePage;
import dev.berth.runner.durable.InstanceQuery;
import dev.berth.runner.durable.PurgeFilter;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.durable.http.DurableHttpApi;
import dev.berth.runner.durable.http.ManagementUrls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/// A running session as `berth durable` sees it: the real [DurableHttpApi] on the JDK's HTTP server, over a
/// small in-memory stand-in for the durable backend, announced in the project's `.berth/run.json`. Instances
/// sort by id (newest first is the real backend's business); pages are offsets. Changes are logged in `calls`.
/// Thread-safe (synchronized); close it.
final class DurableSessionStub implements DurableControl, AutoCloseable {
    static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private final Map<String, InstanceInfo> instances = new TreeMap<>();
    private final Map<String, List<HistoryItem>> histories = new TreeMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    DurableSessionStub(Path project) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ManagementUrls.PREFIX, new DurableHttpApi(this, new ObjectMapper())::handle);
        server.start();
        Files.createDirectories(project.resolve(".berth"));
        Files.writeString(project.resolve(".berth/run.json"), "{\"ingress\":\"http://127.0.0.1:" + port() + "\",\"pid\":"
                + ProcessHandle.current().pid() + "}");
    }

    int port() { return server.getAddress().getPort(); }

    synchronized void put(String id, String name, RuntimeStatus status, String input, String output) {
        instances.put(id, new InstanceInfo("default", id, "e-" + id, name, status, T0, T0.plusMillis(1500),
                Optional.empty(), input, output, null, Optional.empty(), Optional.empty()));
    }

    synchronized void history(String id, List<HistoryItem> items) { histories.put(id, items); }

    @Override public String defaultHub() { return "default"; }

    @Override public List<String> declaredOrchestrations() { return List.of("Chain", "Approval"); }

    @Override
    public synchronized String start(String hub, String name, Optional<String> instanceId, String inputJson,
                                     Optional<Instant> startAt) throws DurableException {
        var id = instanceId.orElse("new-" + (instances.size() + 1));
        if (instances.containsKey(id) && !instances.get(id).status().terminal()) {
            throw new DurableException(Reason.ALREADY_EXISTS, "Instance " + id + " is still running.");
        }
        put(id, name, RuntimeStatus.PENDING, inputJson, null);
        calls.add("start " + name + " " + id + " " + inputJson);
        return id;
    }

    @Override public synchronized Optional<InstanceInfo> instance(String hub, String id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override public synchronized List<HistoryItem> history(String hub, String id) {
        return histories.getOrDefault(id, List.of());
    }

    @Override
    public synchronized InstancePage query(String hub, InstanceQuery query) {
        var all = new ArrayList<InstanceInfo>();
        for (var info : instances.values()) {
            if ((query.statuses().isEmpty() || query.statuses().contains(info.status()))
                    && info.instanceId().startsWith(query.idPrefix())) all.add(info);
        }
        int from = Integer.parseInt(query.continuation().orElse("0"));
        int to = Math.min(all.size(), from + (query.top() == 0 ? 100 : query.top()));
        return new InstancePage(all.subList(from, to), to < all.size() ? Optional.of("" + to) : Optional.empty());
    }

    @Override public void raiseEvent(String hub, String id, String name, String json) throws DurableException {
        change(id, "raise " + name + " " + json, null);
    }

    @Override public void terminate(String hub, String id, String output) throws DurableException {
        change(id, "terminate " + output, RuntimeStatus.TERMINATED);
    }

    @Override public void suspend(String hub, String id, String reason) throws DurableException {
        change(id, "suspend " + reason, RuntimeStatus.SUSPENDED);
    }

    @Override public void resume(String hub, String id, String reason) throws DurableException {
        change(id, "resume " + reason, RuntimeStatus.RUNNING);
    }

    @Override public void rewind(String hub, String id, String reason) throws DurableException {
        change(id, "rewind " + reason, RuntimeStatus.RUNNING);
    }

    @Override public String restart(String hub, String id, boolean newInstanceId) {
        throw new UnsupportedOperationException("not used by the CLI");
    }

    @Override
    public synchronized int purge(String hub, String id) throws DurableException {
        if (!instances.containsKey(id)) return 0;
        if (!instances.get(id).status().terminal()) throw new DurableException(Reason.WRONG_STATE, id + " is running.");
        instances.remove(id);
        return 1;
    }

    @Override
    public synchronized int purge(String hub, PurgeFilter filter) {
        int before = instances.size();
        instances.values().removeIf(i -> i.status().terminal()
                && (filter.statuses().isEmpty() || filter.statuses().contains(i.status())));
        calls.add("purge " + filter.createdFrom().orElseThrow() + " " + filter.statuses());
        return before - instances.size();
    }

    @Override public CompletableFuture<InstanceInfo> completion(String hub, String id) {
        return new CompletableFuture<>();
    }

    /// Logs `call` for instance `id` and moves it to `status` (null: unchanged); unknown or finished is refused.
    private synchronized void change(String id, String call, RuntimeStatus status) throws DurableException {
        var info = instances.get(id);
        if (info == null) throw new DurableException(Reason.NOT_FOUND, "No instance '" + id + "'. Fix: berth durable list.");
        if (info.status().terminal()) {
            throw new DurableException(Reason.WRONG_STATE, "Instance '" + id + "' is " + info.status().azureName() + ".");
        }
        calls.add(call.replaceFirst(" ", " " + id + " "));
        if (status != null) put(id, info.name(), status, info.input(), info.output());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
