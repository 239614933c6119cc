package dev.berth.runner.ingress;

import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.project.AuthLevel;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.replica.ReplicaPool;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/// Serves `/<routePrefix>/…`: finds the function, checks its key, picks a replica and calls it, then
/// records the invocation. Runs on the ingress's connection threads (platform threads, see `LoopbackServer`); thread-safe.
final class FunctionGateway {
    private final RouteTable routes;
    private final FunctionKeys keys;
    private final ReplicaPool pool;
    private final Upstream upstream;
    private final EventListener events;
    private final Clock clock;
    private final Duration acquireTimeout;
    private volatile StorageBindings outputs;
    private final dev.berth.runner.scale.RequestGauge gauge = new dev.berth.runner.scale.RequestGauge();
    /// Set when an autoscaler may scale to zero: how long a request that finds no replica at all is held.
    private volatile Duration holdDeadline;
    /// Set when the ingress closes: requests waiting for a replica give up at once.
    private volatile boolean stopping;
    /// How often a request waiting for a replica looks whether the ingress is closing.
    private static final Duration STOP_CHECK = Duration.ofMillis(100);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FunctionGateway.class);

    FunctionGateway(RouteTable routes, FunctionKeys keys, ReplicaPool pool, Upstream upstream, EventListener events,
                    Clock clock, Duration acquireTimeout) {
        this.routes = routes;
        this.keys = keys;
        this.pool = pool;
        this.upstream = upstream;
        this.events = events;
        this.clock = clock;
        this.acquireTimeout = acquireTimeout;
    }

    void handle(HttpExchange exchange) throws IOException {
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getRawPath();
        switch (routes.route(method, path)) {
            case RouteTable.Result.NotFound() -> Exchanges.text(exchange, 404,
                    "No function matches " + method + " " + path + ". See GET /admin/functions for the routes.");
            case RouteTable.Result.MethodNotAllowed(var function, var trigger) -> Exchanges.text(exchange, 405,
                    "Function '" + function.name() + "' accepts " + trigger.methods() + ", not " + method
                            + " (function.json `methods`).");
            case RouteTable.Result.Found(var function, var trigger, var params) -> {
                var query = Exchanges.query(exchange.getRequestURI().getRawQuery());
                if (!authorized(trigger.authLevel(), exchange, query)) {
                    Exchanges.text(exchange, 401, unauthorizedMessage(function.name(), trigger.authLevel()));
                    return;
                }
                var request = read(exchange, query, params);
                dispatch(Upstream.Call.http(function, request), "httpTrigger").answer().writeTo(exchange);
            }
        }
    }

    private boolean authorized(AuthLevel level, HttpExchange exchange, Map<String, String> query) {
        if (level == AuthLevel.ANONYMOUS) return true;
        var presented = exchange.getRequestHeaders().getFirst("x-functions-key");
        if (presented == null) presented = query.get("code");
        return presented != null && keys.allows(level, presented);
    }

    private static String unauthorizedMessage(String function, AuthLevel level) {
        var key = level == AuthLevel.ADMIN ? "the master key" : "a function key";
        return "Function '" + function + "' has authLevel " + level.name().toLowerCase(java.util.Locale.ROOT)
                + ": send " + key + " in the x-functions-key header or the `code` query parameter. "
                + "Berth shows the keys in the toolbar and prints them at `berth run`.";
    }

    private static IncomingRequest read(HttpExchange exchange, Map<String, String> query, Map<String, String> params)
            throws IOException {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var uri = exchange.getRequestURI();
        var pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        var host = exchange.getRequestHeaders().getFirst("Host");
        var url = "http://" + (host == null ? "127.0.0.1" : host) + pathAndQuery;
        return new IncomingRequest(exchange.getRequestMethod(), url, pathAndQuery, query,
                Map.copyOf(exchange.getRequestHeaders()), params, body);
    }

    /// An invocation that ran (or could not): its id, the replica that served it, and the answer.
    record Dispatched(String invocationId, String replicaId, Upstream.Answer answer) {}

    /// Runs one invocation on the ready replica with the fewest requests in flight, waiting for one when
    /// none is ready yet, and records it (started, log lines, finished) before the answer goes back.
    Dispatched dispatch(Upstream.Call call, String trigger) throws IOException {
        var id = UUID.randomUUID().toString();
        var function = call.function().name();
        var started = System.nanoTime();
        Upstream.Answer answer;
        String replicaId = "";
        var hold = holdDeadline;
        boolean fromZero = hold != null && noLiveReplica();
        gauge.begin();
        try (var lease = acquire(fromZero ? hold : acquireTimeout)) {
            if (lease == null && stopping) {
                answer = Upstream.Answer.failure(503, "Berth is stopping; the request to function '" + function
                        + "' was waiting for a replica.");
            } else if (lease == null && fromZero) {
                answer = Upstream.Answer.failure(503, "No replica of '" + function + "' was ready within "
                        + hold.toSeconds() + " s of scaling from zero (minReplicas 0); one is still starting. Fix: "
                        + "retry, raise BERTH_SCALE_HOLD_SECONDS in local.settings.json, or set minReplicas: 1 in "
                        + "containerapp.yaml to keep a replica warm.");
            } else if (lease == null) {
                answer = Upstream.Answer.failure(503, "No replica of '" + function + "' became ready within "
                        + acquireTimeout.toSeconds() + " s. Check the Replicas panel or `berth run` output.");
            } else {
                replicaId = lease.replicaId();
                // A trigger's own description ("orders: message 3f2…") says more than the handler path.
                var summary = call.trigger() != null ? call.request().url()
                        : call.request().method() + " " + call.request().pathAndQuery();
                events.onEvent(new InvocationStarted(clock.instant(), id, function, replicaId, trigger, summary));
                answer = withInputs(call).map(c -> callReplica(lease, c)).orElseGet(() -> Upstream.Answer.failure(500,
                        "Function '" + function + "': its input bindings could not be read; see the log."));
            }
        } finally {
            gauge.end();
        }
        if (call.trigger() == null) answer = writeOutputs(call, answer);
        var from = replicaId;
        answer.logs().forEach(line -> events.onEvent(new LogLine(clock.instant(), from, "function", line)));
        // Recorded before the caller has the answer, so the admin API and the UI already list an
        // invocation whose response a client holds.
        events.onEvent(new InvocationFinished(clock.instant(), id, function, replicaId, answer.status(),
                Duration.ofNanos(System.nanoTime() - started), answer.error(),
                Excerpts.request(call.request()), Excerpts.response(answer)));
        return new Dispatched(id, replicaId, answer);
    }

    /// Where HTTP functions' other outputs go; none until the project's storage is open.
    void storageBindings(StorageBindings bindings) { this.outputs = bindings; }

    /// An HTTP call with the values of its other input bindings (a blob), when the storage is open.
    private Optional<Upstream.Call> withInputs(Upstream.Call call) {
        var sink = outputs;
        if (call.trigger() != null || sink == null || !hasInputBindings(call.function())) return Optional.of(call);
        var values = JSON.createObjectNode();
        try {
            sink.addInputs(call.function(), values, bindingData(call));
            return Optional.of(call.withInputs(values));
        } catch (RuntimeException e) {
            log.warn("input bindings of {}: {}", call.function().name(), e.getMessage());
            return Optional.empty();
        }
    }

    /// Most HTTP functions have none; they skip the storage hook on this hot path.
    private static boolean hasInputBindings(dev.berth.runner.project.FunctionDef function) {
        for (var binding : function.bindings()) {
            if ("in".equalsIgnoreCase(binding.direction()) && !binding.type().endsWith("Trigger")) return true;
        }
        return false;
    }

    private static Map<String, String> bindingData(Upstream.Call call) {
        var data = new java.util.HashMap<String, String>(call.request().query());
        data.putAll(call.request().params());
        return data;
    }

    private Upstream.Answer writeOutputs(Upstream.Call call, Upstream.Answer answer) {
        var sink = outputs;
        if (sink == null || answer.outputs() == null || answer.outputs().isEmpty() || answer.status() >= 500) return answer;
        try {
            sink.apply(call.function(), answer.outputs(), bindingData(call));
            return answer;
        } catch (RuntimeException e) {
            return Upstream.Answer.failure(500, "Function '" + call.function().name() + "' answered, but its output "
                    + "bindings could not be written: " + e.getMessage());
        }
    }

    /// Requests waiting for a replica stop waiting (and answer 503); later ones do not wait.
    void stop() { stopping = true; }

    /// Requests in flight and held, for the autoscaler.
    dev.berth.runner.scale.RequestGauge gauge() { return gauge; }

    /// From now on a request that finds no replica starting or ready waits `deadline` (not the acquire
    /// timeout) and tells the gauge it is held.
    void holdFromZero(Duration deadline) { this.holdDeadline = deadline; }

    private boolean noLiveReplica() {
        return pool.replicas().stream().noneMatch(r -> r.state() == dev.berth.runner.event.ReplicaState.READY
                || r.state() == dev.berth.runner.event.ReplicaState.STARTING);
    }

    /// Waits in short slices, so a closing ingress does not wait out the acquire timeout of its requests. A
    /// request that waits with no replica ready is counted as held, which wakes the autoscaler.
    private ReplicaPool.Lease acquire(Duration timeout) throws IOException {
        if (holdDeadline == null) return waitFor(timeout);
        var ready = waitFor(Duration.ZERO);
        if (ready != null) return ready;
        gauge.holdBegin();
        try {
            return waitFor(timeout);
        } finally {
            gauge.holdEnd();
        }
    }

    private ReplicaPool.Lease waitFor(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!stopping) {
                long left = Math.max(0, deadline - System.nanoTime());
                long slice = Math.min(left, STOP_CHECK.toNanos());
                var lease = pool.acquire(Duration.ofNanos(slice));
                if (lease.isPresent() || slice == left) return lease.orElse(null);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a replica", e);
        }
    }

    private Upstream.Answer callReplica(ReplicaPool.Lease lease, Upstream.Call call) {
        URI base = lease.baseUri();
        try {
            return upstream.call(base, call);
        } catch (HttpTimeoutException e) {
            return Upstream.Answer.failure(504, "Function '" + call.function().name() + "' did not answer within "
                    + upstream.timeout() + " (host.json functionTimeout).");
        } catch (ReplicaClient.StoppingException e) {
            // The ingress is closing; the replica did nothing wrong.
            return Upstream.Answer.failure(503, "Berth is stopping; the request to function '"
                    + call.function().name() + "' was cut off.");
        } catch (ConnectException e) {
            lease.reportFailure(e);
            return Upstream.Answer.failure(502, "Replica " + lease.replicaId() + " refused the connection: "
                    + e.getMessage());
        } catch (IOException e) {
            lease.reportFailure(e);
            return Upstream.Answer.failure(502, "Replica " + lease.replicaId() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Upstream.Answer.failure(503, "Berth is stopping");
        }
    }
}
