package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.ReplicaPool;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/// The admin API on the ingress, JSON: the Functions host's `/admin/host/status` and `/admin/functions`,
/// plus Berth's `/admin/berth/replicas` and `/admin/berth/invocations?last=N`. The UI reads the same
/// state, so both always agree. Like Core Tools, it is open on loopback (no master key). Thread-safe.
final class AdminApi {
    static final int MAX_LAST = 10_000;
    private static final String FUNCTIONS = "/admin/functions/";

    private final FunctionApp app;
    private final ReplicaPool pool;
    private final IntFunction<List<InvocationFinished>> invocations;
    private final Clock clock;
    private final Instant started;
    private final ObjectMapper json;
    private final String routePrefix;
    private final ManualRun manualRun;
    private volatile java.util.function.Supplier<List<dev.berth.runner.event.ScaleDecision>> scale = List::of;

    AdminApi(FunctionApp app, ReplicaPool pool, IntFunction<List<InvocationFinished>> invocations, Clock clock,
             ObjectMapper json, String routePrefix, ManualRun manualRun) {
        this.manualRun = manualRun;
        this.app = app;
        this.pool = pool;
        this.invocations = invocations;
        this.clock = clock;
        this.started = clock.instant();
        this.json = json;
        this.routePrefix = routePrefix;
    }

    void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.startsWith(FUNCTIONS)) {
            var function = app.function(path.substring(FUNCTIONS.length())).orElse(null);
            if (function == null) Exchanges.text(exchange, 404, noSuchFunction(path.substring(FUNCTIONS.length())));
            else manualRun.handle(exchange, function);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "The admin API answers GET, and POST /admin/functions/{name} to run a function.");
            return;
        }
        switch (path) {
            case "/admin/host/status" -> Exchanges.json(exchange, 200, json, hostStatus());
            case "/admin/functions" -> Exchanges.json(exchange, 200, json, app.functions().stream().map(this::function).toList());
            case "/admin/berth/replicas" -> Exchanges.json(exchange, 200, json, pool.replicas().stream().map(this::replica).toList());
            case "/admin/berth/invocations" -> invocations(exchange);
            case "/admin/berth/scale" -> Exchanges.json(exchange, 200, json, ScaleJson.decisions(json, scale.get()));
            default -> {
                var name = path.startsWith("/admin/functions/") ? path.substring("/admin/functions/".length()) : "";
                var function = name.isEmpty() ? null : app.function(name).orElse(null);
                if (function != null) Exchanges.json(exchange, 200, json, function(function));
                else Exchanges.text(exchange, 404, "No admin endpoint " + path + ". Try /admin/host/status, "
                        + "/admin/functions, /admin/berth/replicas, /admin/berth/invocations?last=20, /admin/berth/scale.");
            }
        }
    }

    /// What `GET /admin/berth/scale` lists (the autoscaler's recent decisions); none without one.
    void scaleDecisions(java.util.function.Supplier<List<dev.berth.runner.event.ScaleDecision>> decisions) {
        this.scale = decisions;
    }

    private String noSuchFunction(String name) {
        return "No function '" + name + "'. This app has: " + app.functions().stream().map(FunctionDef::name)
                .collect(java.util.stream.Collectors.joining(", ")) + ".";
    }

    private ObjectNode hostStatus() {
        var status = json.createObjectNode();
        status.put("id", app.containerApp().name());
        status.put("state", pool.replicas().stream().anyMatch(r -> r.state().name().equals("READY")) ? "Running" : "Initialized");
        status.put("version", "berth-0.1.0");
        status.put("processUptime", Duration.between(started, clock.instant()).toMillis());
        status.put("functionCount", app.functions().size());
        return status;
    }

    private ObjectNode function(FunctionDef function) {
        var node = json.createObjectNode();
        node.put("name", function.name());
        node.put("language", "custom");
        node.put("isDisabled", false);
        function.httpTrigger().ifPresent(t -> {
            node.put("invoke_url_template", "/" + routePrefix + (routePrefix.isEmpty() ? "" : "/") + t.route());
            node.put("authLevel", t.authLevel().name().toLowerCase(Locale.ROOT));
            node.set("methods", json.valueToTree(t.methods()));
        });
        node.putObject("config").set("bindings", json.valueToTree(function.bindings().stream().map(b -> b.properties()).toList()));
        return node;
    }

    private ObjectNode replica(ReplicaInfo r) {
        var node = json.createObjectNode();
        node.put("id", r.id());
        node.put("revision", r.revision());
        node.put("state", r.state().name());
        node.put("containerId", r.containerId());
        node.put("started", r.started().toString());
        node.put("ready", r.ready().map(Instant::toString).orElse(null));
        node.put("hostPort", r.hostPort());
        node.put("outstanding", r.outstanding());
        node.put("restarts", r.restarts());
        if (r.debugPort() > 0) node.put("debugPort", r.debugPort());
        return node;
    }

    private void invocations(HttpExchange exchange) throws IOException {
        var last = Exchanges.query(exchange.getRequestURI().getRawQuery()).getOrDefault("last", "50");
        int n;
        try {
            n = Integer.parseInt(last);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LAST) {
            Exchanges.text(exchange, 400, "`last` must be a whole number from 1 to " + MAX_LAST + ", not '" + last + "'.");
            return;
        }
        var list = invocations.apply(n).stream().map(i -> {
            var node = json.createObjectNode();
            node.put("id", i.invocationId());
            node.put("at", i.at().toString());
            node.put("function", i.function());
            node.put("replica", i.replicaId());
            node.put("status", i.status());
            node.put("durationMs", i.duration().toNanos() / 1e6);
            node.put("error", i.error());
            return node;
        }).toList();
        Exchanges.json(exchange, 200, json, list);
    }
}
