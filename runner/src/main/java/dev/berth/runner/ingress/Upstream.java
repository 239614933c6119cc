package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.project.FunctionDef;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/// Calls a replica for one HTTP invocation, in the project's mode: plain forwarding when host.json sets
/// `enableForwardingHttpRequest`, otherwise the custom-handler invocation payload. Thread-safe.
final class Upstream {
    private final ReplicaClient client;
    private final HandlerPayload payload;
    private final boolean forwarding;
    private final Duration timeout;
    private final Clock clock;

    /// `timeout` zero means no limit (debugging).
    Upstream(ReplicaClient client, HandlerPayload payload, boolean forwarding, Duration timeout, Clock clock) {
        this.client = client;
        this.payload = payload;
        this.forwarding = forwarding;
        this.timeout = timeout;
        this.clock = clock;
    }

    /// One invocation. `trigger` is set for a function whose trigger is not HTTP (timers, queues, blobs,
    /// events, manual runs); `request` then only describes the run for the records.
    record Call(FunctionDef function, IncomingRequest request, TriggerData trigger, ObjectNode inputs) {
        Call(FunctionDef function, IncomingRequest request, TriggerData trigger) { this(function, request, trigger, null); }

        static Call http(FunctionDef function, IncomingRequest request) { return new Call(function, request, null); }

        /// The same HTTP call with the values of its other input bindings.
        Call withInputs(ObjectNode values) { return new Call(function, request, trigger, values); }
    }

    /// The custom-handler `Data` (trigger and input bindings by name) and `Metadata` of a non-HTTP call.
    record TriggerData(ObjectNode data, ObjectNode metadata) {}

    /// What goes back to the caller. `error` is empty when the function answered, whatever its status.
    /// `outputs` are the handler's output bindings by name (null when it did not answer in the protocol).
    record Answer(int status, Map<String, List<String>> headers, byte[] body, List<String> logs, String error,
                  JsonNode outputs) {
        static Answer failure(int status, String message) {
            return new Answer(status, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                    message.getBytes(StandardCharsets.UTF_8), List.of(), message, null);
        }

        void writeTo(HttpExchange exchange) throws IOException {
            var out = exchange.getResponseHeaders();
            headers.forEach((name, values) -> {
                if (!ReplicaClient.isHopByHop(name) && !name.equalsIgnoreCase("date")) out.put(name, values);
            });
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                try (var stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
            exchange.close();
        }
    }

    Duration timeout() { return timeout; }

    Answer call(URI base, Call call) throws IOException, InterruptedException {
        var request = call.request();
        if (call.trigger() != null) return callTrigger(base, call);
        if (forwarding) {
            var reply = client.send(base.resolve(request.pathAndQuery()), request.method(), request.headers(),
                    request.body(), timeout);
            return new Answer(reply.status(), reply.headers(), reply.body(), List.of(), "", null);
        }
        var body = payload.request(call.function(), request, call.inputs(), clock.instant());
        var reply = client.send(base.resolve("/" + call.function().name()), "POST",
                Map.of("Content-Type", List.of("application/json")), body, timeout);
        if (reply.status() >= 300) {
            return Answer.failure(502, "Handler answered " + reply.status() + " to the invocation of '"
                    + call.function().name() + "': " + new String(reply.body(), StandardCharsets.UTF_8));
        }
        HandlerPayload.Result result;
        try {
            result = payload.response(call.function(), reply.body());
        } catch (IOException notTheProtocol) {
            // The replica did answer, so this is the function's fault, not a replica failure to report.
            return Answer.failure(502, "Function '" + call.function().name() + "': " + notTheProtocol.getMessage());
        }
        var headers = new java.util.LinkedHashMap<String, List<String>>();
        result.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new Answer(result.status(), headers, result.body(), result.logs(), "", result.outputs());
    }

    /// A non-HTTP trigger always goes through the invocation payload, whatever host.json says about
    /// forwarding; the answer's body is the handler's Outputs and ReturnValue, as JSON.
    private Answer callTrigger(URI base, Call call) throws IOException, InterruptedException {
        var body = payload.trigger(call.function(), call.trigger(), clock.instant());
        var reply = client.send(base.resolve("/" + call.function().name()), "POST",
                Map.of("Content-Type", List.of("application/json")), body, timeout);
        if (reply.status() >= 300) {
            return Answer.failure(502, "Handler answered " + reply.status() + " to the invocation of '"
                    + call.function().name() + "': " + new String(reply.body(), StandardCharsets.UTF_8));
        }
        var result = payload.triggerResult(reply.body());
        return new Answer(200, Map.of("Content-Type", List.of("application/json")), result.body(), result.logs(), "", null);
    }
}
