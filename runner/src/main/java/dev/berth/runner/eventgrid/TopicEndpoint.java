package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.berth.runner.eventgrid.ParseOutcome.Accepted;
import dev.berth.runner.eventgrid.ParseOutcome.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/// The publish endpoint of the project's custom topics, as Azure's: `POST /eventgrid/topics/{topic}/api/events`
/// (`?api-version=2018-01-01` and others are accepted and ignored), the topic key in the `aeg-sas-key` header,
/// a body in the Event Grid schema or CloudEvents 1.0. Answers 200 with no body once the events are queued for
/// delivery; 400 with every field problem, 401, 413 and 415 with a JSON error in Azure's shape
/// (`{"error": {"code", "message", "details": [{"code", "message"}]}}`). Topics exist on first use; there is
/// no subscription validation handshake, since delivery is direct. Mount it on the ingress under
/// [#PREFIX]. Thread-safe.
public final class TopicEndpoint implements HttpHandler {
    public static final String PREFIX = "/eventgrid/topics/";
    static final String KEY_HEADER = "aeg-sas-key";
    /// Tells a publisher how many deliveries its events started (0 when no subscription matched).
    static final String DELIVERIES_HEADER = "x-berth-deliveries";
    private static final Pattern PATH = Pattern.compile("/eventgrid/topics/([^/]+)/api/events/?");
    private static final Logger log = LoggerFactory.getLogger(TopicEndpoint.class);

    /// Where accepted events go: [EventGridRouter#publish] in a session.
    @FunctionalInterface
    public interface Publisher {
        /// Returns how many deliveries were queued.
        int publish(String topic, List<Event> events);
    }

    private final EventParser parser;
    private final TopicKey key;
    private final Publisher publisher;
    private final ObjectMapper json = new ObjectMapper();

    public TopicEndpoint(EventParser parser, TopicKey key, Publisher publisher) {
        this.parser = parser;
        this.key = key;
        this.publisher = publisher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            log.warn("Event Grid publish {} failed: {}", exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        var matcher = PATH.matcher(exchange.getRequestURI().getPath());
        if (!matcher.matches()) {
            error(exchange, 404, "NotFound", "Nothing is served at " + exchange.getRequestURI().getPath()
                    + ". Fix: publish to " + PREFIX + "{topic}/api/events.", List.of());
            return;
        }
        var topic = matcher.group(1);
        if (!SubscriptionReader.TOPIC_NAME.matcher(topic).matches()) {
            error(exchange, 404, "NotFound", "\"" + topic + "\" is not a valid topic name. Fix: use 3 to 50 letters, "
                    + "digits and hyphens, as in eventgrid.yaml's `source: topic:<name>`.", List.of());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, "MethodNotAllowed", "A topic takes events by POST, not "
                    + exchange.getRequestMethod() + ".", List.of());
            return;
        }
        if (!authorized(exchange)) return;
        var body = body(exchange);
        if (body == null) return;
        switch (parser.parse(body, exchange.getRequestHeaders().getFirst("Content-Type"))) {
            case Accepted accepted -> publish(exchange, topic, accepted);
            case Rejected rejected -> rejected(exchange, rejected);
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        var presented = headers.getFirst(KEY_HEADER);
        if (presented != null && key.allows(presented)) return true;
        String message;
        if (presented != null) {
            message = "The " + KEY_HEADER + " header does not hold this project's topic key.";
        } else if (headers.containsKey("aeg-sas-token") || headers.containsKey("Authorization")) {
            message = "Berth's local topics take the key itself in the " + KEY_HEADER + " header; SAS tokens and "
                    + "Microsoft Entra tokens are not checked locally.";
        } else {
            message = "The request has no " + KEY_HEADER + " header.";
        }
        error(exchange, 401, "Unauthorized", message + " Fix: send the header " + KEY_HEADER + ": <key1 or key2 from "
                + key.file() + ">.", List.of());
        return false;
    }

    /// The body, or null after answering 413 when it is over the batch limit (read no further than that).
    private byte[] body(HttpExchange exchange) throws IOException {
        int limit = parser.limits().maxBatchBytes();
        var declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = declared == null ? -1 : parseLength(declared);
        byte[] body = length > limit ? null : exchange.getRequestBody().readNBytes(limit + 1);
        if (body != null && body.length <= limit) return body;
        error(exchange, 413, "RequestEntityTooLarge", "The request body is " + (length > limit ? length + " bytes"
                : "over " + limit + " bytes") + "; a publish request may carry at most " + EventLimits.describe(limit)
                + ". Fix: send the events in several smaller requests.", List.of());
        return null;
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void publish(HttpExchange exchange, String topic, Accepted accepted) throws IOException {
        int deliveries;
        try {
            deliveries = publisher.publish(topic, accepted.events());
        } catch (IllegalStateException stopping) {
            error(exchange, 503, "ServiceUnavailable", "Event Grid is stopping with the session. Fix: run the project "
                    + "again and publish then.", List.of());
            return;
        }
        log.debug("topic {}: {} event(s) accepted, {} deliveries", topic, accepted.events().size(), deliveries);
        exchange.getResponseHeaders().set(DELIVERIES_HEADER, Integer.toString(deliveries));
        exchange.sendResponseHeaders(200, -1);
    }

    private void rejected(HttpExchange exchange, Rejected rejected) throws IOException {
        var code = switch (rejected.failure()) {
            case MALFORMED -> "BadRequest";
            case TOO_LARGE -> "RequestEntityTooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "UnsupportedMediaType";
        };
        error(exchange, rejected.failure().status(), code, rejected.summary(), rejected.problems());
    }

    private void error(HttpExchange exchange, int status, String code, String message, List<String> details)
            throws IOException {
        var root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        var list = error.putArray("details");
        for (var detail : details) list.addObject().put("code", "InvalidEvent").put("message", detail);
        var bytes = json.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
