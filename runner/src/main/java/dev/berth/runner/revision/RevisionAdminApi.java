package dev.berth.runner.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/// `/admin/berth/revisions` and `/admin/berth/traffic` on the ingress, JSON:
/// - `GET /admin/berth/revisions`: every revision (name, image, created, state, active, latest, weight,
///   labels, readyReplicas, replicas).
/// - `POST /admin/berth/revisions/{name}/activate|deactivate|restart`.
/// - `GET /admin/berth/traffic`: mode, per revision the configured weight and the observed share over the
///   last minute, and labels with their URLs.
/// - `POST /admin/berth/traffic` `{"weights": {"<revision>|latest": 80, …}, "labels": {"<label>": "<revision>"}}`;
///   `POST /admin/berth/traffic/swap` `{"a": "…", "b": "…"}`; `POST /admin/berth/traffic/rollback`.
/// Errors answer 400/404/409/500 with `{"error": "…"}` naming the fix. Thread-safe; actions block until done.
public final class RevisionAdminApi {
    public static final String REVISIONS = "/admin/berth/revisions";
    public static final String TRAFFIC = "/admin/berth/traffic";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final RevisionControl control;
    private final String app;
    private final URI ingress;

    public RevisionAdminApi(RevisionControl control, String app, URI ingress) {
        this.control = control;
        this.app = app;
        this.ingress = ingress;
    }

    public void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var method = exchange.getRequestMethod();
        try {
            if ("GET".equals(method) && path.equals(REVISIONS)) send(exchange, 200, JSON.valueToTree(control.revisions()));
            else if ("GET".equals(method) && path.equals(TRAFFIC)) send(exchange, 200, traffic());
            else if ("POST".equals(method) && path.startsWith(REVISIONS + "/")) revisionAction(exchange, path.substring(REVISIONS.length() + 1));
            else if ("POST".equals(method) && path.startsWith(TRAFFIC)) trafficAction(exchange, path.substring(TRAFFIC.length()), body(exchange));
            else error(exchange, 404, "no endpoint " + method + " " + path + ". See GET " + REVISIONS + " and GET " + TRAFFIC + ".");
        } catch (RevisionException e) {
            error(exchange, switch (e.reason()) {
                case NOT_FOUND -> 404;
                case WRONG_STATE -> 409;
                case INVALID -> 400;
                case FAILED -> 500;
            }, e.getMessage());
        }
    }

    private void revisionAction(HttpExchange exchange, String rest) throws IOException, RevisionException {
        int slash = rest.lastIndexOf('/');
        var name = slash < 0 ? rest : rest.substring(0, slash);
        var action = slash < 0 ? "" : rest.substring(slash + 1);
        switch (action) {
            case "activate" -> control.activate(name);
            case "deactivate" -> control.deactivate(name);
            case "restart" -> control.restart(name);
            default -> {
                error(exchange, 404, "no action '" + action + "'. Use POST " + REVISIONS + "/{name}/activate, deactivate or restart.");
                return;
            }
        }
        send(exchange, 200, JSON.valueToTree(control.revisions()));
    }

    private void trafficAction(HttpExchange exchange, String action, JsonNode body) throws IOException, RevisionException {
        switch (action) {
            case "", "/" -> control.setTraffic(map(body.path("weights"), Integer.class),
                    body.has("labels") ? map(body.path("labels"), String.class) : null);
            case "/swap" -> control.swap(body.path("a").asText(), body.path("b").asText());
            case "/rollback" -> control.rollback();
            default -> {
                error(exchange, 404, "no traffic action '" + action + "'. Use POST " + TRAFFIC + ", " + TRAFFIC + "/swap or " + TRAFFIC + "/rollback.");
                return;
            }
        }
        send(exchange, 200, traffic());
    }

    private ObjectNode traffic() {
        var node = JSON.createObjectNode();
        node.put("mode", control.mode().azureName());
        node.set("revisions", JSON.valueToTree(control.traffic()));
        var labels = node.putObject("labels");
        control.labels().forEach((label, revision) -> {
            var entry = labels.putObject(label);
            entry.put("revision", revision);
            entry.put("url", "http://" + label + "." + app + ".localhost:" + ingress.getPort());
            entry.put("header", RequestLabel.HEADER + ": " + label);
        });
        return node;
    }

    private static <T> Map<String, T> map(JsonNode node, Class<T> type) throws RevisionException {
        if (!node.isObject()) {
            throw new RevisionException(RevisionException.Reason.INVALID, "the body needs an object, e.g. {\"weights\":"
                    + " {\"latest\": 80, \"<revision>\": 20}}.");
        }
        var result = new LinkedHashMap<String, T>();
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (type == Integer.class && !field.getValue().isIntegralNumber()) {
                throw new RevisionException(RevisionException.Reason.INVALID, "weight of " + field.getKey() + " is "
                        + field.getValue() + ", not a whole number. Fix: give whole percents.");
            }
            result.put(field.getKey(), JSON.convertValue(field.getValue(), type));
        }
        return result;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException, RevisionException {
        byte[] bytes;
        try (var in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new RevisionException(RevisionException.Reason.INVALID, "the body is not JSON: " + e.getMessage());
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        var bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
