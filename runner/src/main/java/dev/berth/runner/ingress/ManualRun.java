package dev.berth.runner.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.HttpTrigger;
import dev.berth.runner.project.RouteTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `POST /admin/functions/{name}` with `{"input": …}`: runs any function once through the usual
/// dispatch, as the Functions host does. Like Azure it answers 202 at once; `?wait=true` (Berth's
/// addition, used by `berth invoke`) waits and answers 200 with the result. For an HTTP-triggered
/// function the input describes the request: a string is its body, or an object with `method`,
/// `path` (under the route prefix), `query`, `headers` and `body`. Thread-safe.
final class ManualRun {
    private static final Logger log = LoggerFactory.getLogger(ManualRun.class);
    static final String TRIGGER = "manual";

    private final FunctionGateway gateway;
    private final ObjectMapper json;
    private final String routePrefix;

    ManualRun(FunctionGateway gateway, ObjectMapper json, String routePrefix) {
        this.gateway = gateway;
        this.json = json;
        this.routePrefix = routePrefix;
    }

    void handle(HttpExchange exchange, FunctionDef function) throws IOException {
        Upstream.Call call;
        try {
            var input = input(exchange, function);
            call = function.httpTrigger().isPresent()
                    ? Upstream.Call.http(function, httpRequest(function, function.httpTrigger().get(), input,
                    java.util.Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1")))
                    : new Upstream.Call(function, record(function, input), triggerData(function, input));
        } catch (BadInput e) {
            Exchanges.text(exchange, 400, e.getMessage());
            return;
        }
        boolean wait = "true".equals(Exchanges.query(exchange.getRequestURI().getRawQuery()).get("wait"));
        if (!wait) {
            Thread.ofVirtual().name("manual-run-" + function.name()).start(() -> runDetached(call));
            Exchanges.send(exchange, 202, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        var done = gateway.dispatch(call, TRIGGER);
        var result = json.createObjectNode();
        result.put("invocationId", done.invocationId());
        result.put("replica", done.replicaId());
        result.put("status", done.answer().status());
        result.put("error", done.answer().error());
        result.set("logs", json.valueToTree(done.answer().logs()));
        result.put("body", new String(done.answer().body(), StandardCharsets.UTF_8));
        Exchanges.json(exchange, 200, json, result);
    }

    private void runDetached(Upstream.Call call) {
        try {
            gateway.dispatch(call, TRIGGER);
        } catch (IOException | RuntimeException e) {
            // Recorded as an event already where it got that far; the caller had its 202 long ago.
            log.warn("manual run of {} failed: {}", call.function().name(), e.toString());
        }
    }

    private JsonNode input(HttpExchange exchange, FunctionDef function) throws IOException, BadInput {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        JsonNode root;
        try {
            root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadInput("The body of a manual run of '" + function.name() + "' is not JSON ("
                    + e.getOriginalMessage() + "). Fix: send {\"input\": \"…\"}.");
        }
        if (root == null || !root.isObject()) {
            throw new BadInput("The body of a manual run of '" + function.name()
                    + "' must be a JSON object. Fix: send {\"input\": \"…\"}.");
        }
        return root.path("input").isMissingNode() ? json.getNodeFactory().textNode("") : root.get("input");
    }

    private IncomingRequest httpRequest(FunctionDef function, HttpTrigger trigger, JsonNode input, String host)
            throws BadInput {
        var described = input.isObject() ? input : json.createObjectNode().set("body", input);
        var method = described.path("method").asText(trigger.methods().isEmpty() ? "POST" : trigger.methods().iterator().next());
        var path = described.path("path").asText(trigger.route());
        var params = RouteTemplate.parse(trigger.route()).match(path).orElseThrow(() -> new BadInput(
                "Manual run of '" + function.name() + "': path '" + path + "' does not match its route '"
                        + trigger.route() + "'. Fix: give a `path` that does, e.g. {\"input\": {\"path\": \"…\"}}."));
        Map<String, String> query = new LinkedHashMap<>();
        described.path("query").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        described.path("headers").properties().forEach(e -> headers.put(e.getKey(), List.of(e.getValue().asText())));
        var bodyNode = described.path("body");
        var body = bodyNode.isMissingNode() || bodyNode.isNull() ? ""
                : bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
        var rawQuery = query.isEmpty() ? "" : "?" + String.join("&", query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList());
        var pathAndQuery = "/" + (routePrefix.isEmpty() ? "" : routePrefix + "/") + path + rawQuery;
        // The URL the function sees names the ingress it was run through, so links it builds (a durable
        // starter's status URL) work.
        return new IncomingRequest(method.toUpperCase(java.util.Locale.ROOT), "http://" + host + pathAndQuery,
                pathAndQuery, query, headers, params, body.getBytes(StandardCharsets.UTF_8));
    }

    private Upstream.TriggerData triggerData(FunctionDef function, JsonNode input) {
        var data = json.createObjectNode();
        data.set(HandlerPayload.triggerName(function), input);
        return new Upstream.TriggerData(data, json.createObjectNode());
    }

    /// How a non-HTTP run shows in the records: the admin call and its input.
    private static IncomingRequest record(FunctionDef function, JsonNode input) {
        var path = "/admin/functions/" + function.name();
        return new IncomingRequest("POST", "manual run of " + function.name(), path, Map.of(), Map.of(), Map.of(),
                input.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /// What the caller sent cannot become an invocation; the message names the fix.
    private static final class BadInput extends Exception {
        BadInput(String message) { super(message); }
    }
}
