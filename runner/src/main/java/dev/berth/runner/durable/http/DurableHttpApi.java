package dev.berth.runner.durable.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.durable.DurableControl;
import dev.berth.runner.durable.DurableException;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.InstanceQuery;
import dev.berth.runner.durable.PurgeFilter;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.ingress.Exchanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/// The Durable Functions HTTP management API under `/runtime/webhooks/durabletask/`, as Azure's extension
/// serves it: instance status (`showHistory`, `showHistoryOutput`, `showInput`), the list query with
/// `x-ms-continuation-token` paging, raise event, terminate, suspend, resume, rewind, purge (one or by filter)
/// and starting an orchestration (202 with the management links, `Location` and `Retry-After`). Every
/// `taskHub` parameter picks the hub; without it the project's. Errors answer `{"Message": "…"}` saying what
/// was wrong and the fix. Mount it with `ingress.mount(Ingress.DURABLE, api::handle)`. Thread-safe: each
/// request runs on its connection's thread and only calls the thread-safe [DurableControl].
public final class DurableHttpApi {
    private static final Logger log = LoggerFactory.getLogger(DurableHttpApi.class);
    /// The paging header, in requests and responses, as Azure's.
    public static final String CONTINUATION = "x-ms-continuation-token";
    static final String RETRY_AFTER_SECONDS = "10";

    private final DurableControl control;
    private final ObjectMapper json;
    private final StatusJson status;

    public DurableHttpApi(DurableControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
        this.status = new StatusJson(json);
    }

    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (HttpProblem problem) {
            if (!problem.allow().isEmpty()) exchange.getResponseHeaders().set("Allow", problem.allow());
            error(exchange, problem.status(), problem.getMessage());
        } catch (DurableException refused) {
            error(exchange, HttpProblem.of(refused).status(), refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("durable management {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            if (exchange.getResponseCode() >= 0) {
                exchange.close();
            } else {
                error(exchange, 500, "The durable backend failed on " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + ": " + e + ". Fix: see Berth's log for the cause, then retry.");
            }
        }
    }

    private void serve(HttpExchange exchange) throws HttpProblem, DurableException, IOException {
        var route = Route.parse(exchange.getRequestURI().getRawPath());
        var method = exchange.getRequestMethod();
        if (!Arrays.asList(route.allow().split(", ")).contains(method)) {
            throw new HttpProblem(405, exchange.getRequestURI().getRawPath() + " takes " + route.allow() + ", not " + method
                    + ". Routes: " + Route.ROUTES + ".", route.allow());
        }
        var params = new QueryParams(exchange.getRequestURI().getRawQuery());
        var hub = params.hub(control.defaultHub());
        boolean get = method.equals("GET");
        switch (route) {
            case Route.Instances ignored -> {
                if (get) list(exchange, params, hub);
                else purge(exchange, params, hub);
            }
            case Route.Instance instance -> {
                if (get) status(exchange, params, hub, instance.id());
                else purge(exchange, hub, instance.id());
            }
            case Route.Operation operation -> operate(exchange, params, hub, operation);
            case Route.RaiseEvent raise -> {
                var data = body(exchange, "event '" + raise.event() + "' for instance '" + raise.id() + "'");
                control.raiseEvent(hub, raise.id(), raise.event(), data);
                accepted(exchange);
            }
            case Route.Start start -> start(exchange, params, hub, start);
        }
    }

    private void status(HttpExchange exchange, QueryParams params, String hub, String id)
            throws HttpProblem, IOException {
        boolean showHistory = params.flag("showHistory", false);
        boolean showHistoryOutput = params.flag("showHistoryOutput", false);
        boolean showInput = params.flag("showInput", true);
        boolean failAs500 = params.flag("returnInternalServerErrorOnFailure", false);
        var info = control.instance(hub, id).orElseThrow(() -> notFound(hub, id));
        var body = showHistory ? status.status(info, showInput, control.history(hub, id), showHistoryOutput)
                : status.status(info, showInput);
        int code = switch (info.status()) {
            case PENDING, RUNNING, CONTINUED_AS_NEW, SUSPENDED -> 202;
            case FAILED -> failAs500 ? 500 : 200;
            case COMPLETED, TERMINATED, CANCELED -> 200;
        };
        if (code == 202) {
            var query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("Location", base(exchange) + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query));
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        }
        Exchanges.json(exchange, code, json, body);
    }

    private void list(HttpExchange exchange, QueryParams params, String hub) throws HttpProblem, IOException {
        boolean showInput = params.flag("showInput", false);
        var from = params.time("createdTimeFrom");
        var to = params.time("createdTimeTo");
        checkRange(from, to);
        var token = Optional.ofNullable(exchange.getRequestHeaders().getFirst(CONTINUATION)).filter(t -> !t.isBlank());
        var query = new InstanceQuery(params.statuses(), from, to, params.text("instanceIdPrefix").orElse(""),
                params.top(), token, showInput);
        var page = refusedAs400("The list query", () -> control.query(hub, query));
        page.continuation().ifPresent(next -> exchange.getResponseHeaders().set(CONTINUATION, next));
        var array = json.createArrayNode();
        for (InstanceInfo info : page.instances()) array.add(status.status(info, showInput));
        Exchanges.json(exchange, 200, json, array);
    }

    private void purge(HttpExchange exchange, QueryParams params, String hub) throws HttpProblem, IOException {
        var from = params.time("createdTimeFrom").orElseThrow(() -> new HttpProblem(400, "Purging by filter needs"
                + " createdTimeFrom, as in Azure's API. Fix: DELETE " + ManagementUrls.PREFIX + "instances?createdTimeFrom="
                + "2024-01-01T00:00:00Z[&createdTimeTo=…][&runtimeStatus=Completed,Failed,Terminated]."));
        var to = params.time("createdTimeTo");
        checkRange(Optional.of(from), to);
        var statuses = params.statuses();
        var running = statuses.stream().filter(s -> !s.terminal()).map(RuntimeStatus::azureName).toList();
        if (!running.isEmpty()) {
            throw new HttpProblem(400, "A purge deletes finished instances only, not " + String.join(", ", running)
                    + ". Fix: runtimeStatus=Completed,Failed,Terminated,Canceled (or leave it out for all of them);"
                    + " terminate a running instance first.");
        }
        int deleted = refusedAs400("The purge", () -> control.purge(hub, new PurgeFilter(Optional.of(from), to, statuses)));
        if (deleted == 0) {
            throw new HttpProblem(404, "No finished instance in task hub '" + hub + "' matches the filter; nothing was"
                    + " purged. Fix: widen createdTimeFrom/createdTimeTo or runtimeStatus.");
        }
        Exchanges.json(exchange, 200, json, json.createObjectNode().put("instancesDeleted", deleted));
    }

    private void purge(HttpExchange exchange, String hub, String id) throws HttpProblem, DurableException, IOException {
        if (control.purge(hub, id) == 0) throw notFound(hub, id);
        Exchanges.json(exchange, 200, json, json.createObjectNode().put("instancesDeleted", 1));
    }

    private void operate(HttpExchange exchange, QueryParams params, String hub, Route.Operation operation)
            throws DurableException, IOException {
        var reason = params.text("reason").orElse("");
        var id = operation.id();
        switch (operation.op()) {
            // The reason becomes the terminated instance's output, a JSON string, as in Azure.
            case TERMINATE -> control.terminate(hub, id, reason.isEmpty() ? null : json.writeValueAsString(reason));
            case SUSPEND -> control.suspend(hub, id, reason);
            case RESUME -> control.resume(hub, id, reason);
            case REWIND -> control.rewind(hub, id, reason);
        }
        accepted(exchange);
    }

    private void start(HttpExchange exchange, QueryParams params, String hub, Route.Start start)
            throws HttpProblem, DurableException, IOException {
        var declared = control.declaredOrchestrations();
        if (!declared.isEmpty() && !declared.contains(start.name())) {
            throw new HttpProblem(400, "No orchestration '" + start.name() + "' in this project; it declares "
                    + String.join(", ", declared) + ". Fix: start one of those, or add a function folder '" + start.name()
                    + "' whose function.json has an orchestrationTrigger binding.");
        }
        var input = body(exchange, "the input of orchestration '" + start.name() + "'");
        var id = control.start(hub, start.name(), start.id(), input, Optional.empty());
        var base = URI.create(base(exchange));
        var urls = params.text("taskHub").filter(h -> !h.isBlank()).isPresent()
                ? ManagementUrls.of(base, hub, id) : ManagementUrls.of(base, id);
        exchange.getResponseHeaders().set("Location", urls.statusQueryGetUri());
        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        Exchanges.json(exchange, 202, json, urls);
    }

    /// The request body as JSON text, null when empty; not JSON is a 400 that says where it broke.
    private String body(HttpExchange exchange, String what) throws IOException, HttpProblem {
        byte[] bytes;
        try (var in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        var text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) return null;
        try {
            json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            return text;
        } catch (JsonProcessingException e) {
            var at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new HttpProblem(400, "The body with " + what + " is not JSON: " + e.getOriginalMessage() + at
                    + ". Fix: send one JSON value, e.g. {\"approved\": true}, or a string in quotes (\"text\"), or no body.");
        }
    }

    private static void checkRange(Optional<Instant> from, Optional<Instant> to) throws HttpProblem {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new HttpProblem(400, "createdTimeFrom (" + from.get() + ") is not before createdTimeTo (" + to.get()
                    + "), so nothing can match. Fix: swap them or widen the range.");
        }
    }

    /// The backend's own check of a query or filter (an unknown continuation token, say) as a 400.
    private static <T> T refusedAs400(String what, Supplier<T> call) throws HttpProblem {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, what + " was refused: " + e.getMessage()
                    + ". Fix: correct that parameter; start a list again without " + CONTINUATION + ".");
        }
    }

    private HttpProblem notFound(String hub, String id) {
        var hubs = hub.equals(control.defaultHub()) ? "" : " (task hub '" + hub + "')";
        return new HttpProblem(404, "No orchestration instance '" + id + "'" + hubs + ". Fix: check the id with GET "
                + ManagementUrls.PREFIX + "instances (or `berth durable list <dir>`); a purged instance is gone.");
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        Exchanges.send(exchange, 202, "application/json; charset=utf-8", new byte[0]);
    }

    private void error(HttpExchange exchange, int code, String message) throws IOException {
        Exchanges.json(exchange, code, json, json.createObjectNode().put("Message", message));
    }

    /// The ingress as the caller reached it (from a container: host.docker.internal), for absolute links.
    private static String base(HttpExchange exchange) {
        var host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        return "http://" + host;
    }
}
