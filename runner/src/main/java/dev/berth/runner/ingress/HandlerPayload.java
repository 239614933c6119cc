package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/// The Azure Functions custom-handler invocation protocol for HTTP triggers when
/// `enableForwardingHttpRequest` is off: the request goes to `POST /<function>` as
/// `{"Data": {"<trigger>": req}, "Metadata": …}` and comes back as `{"Outputs": {"<res>": …}, "Logs": […],
/// "ReturnValue": …}`. Stateless, thread-safe.
final class HandlerPayload {
    private final ObjectMapper json;

    HandlerPayload(ObjectMapper json) { this.json = json; }

    /// What the function answered: the HTTP response to send and the log lines it returned.
    record Result(int status, Map<String, String> headers, byte[] body, List<String> logs, JsonNode outputs) {}

    byte[] request(FunctionDef function, IncomingRequest in, Instant now) throws IOException {
        return request(function, in, null, now);
    }

    /// With `inputs`: the values of other input bindings, by name, beside the request in `Data`.
    byte[] request(FunctionDef function, IncomingRequest in, ObjectNode inputs, Instant now) throws IOException {
        var req = json.createObjectNode();
        req.put("Url", in.url());
        req.put("Method", in.method());
        req.set("Query", json.valueToTree(in.query()));
        req.set("Headers", json.valueToTree(in.headers()));
        req.set("Params", json.valueToTree(in.params()));
        req.put("Body", new String(in.body(), StandardCharsets.UTF_8));
        var metadata = json.createObjectNode();
        in.params().forEach(metadata::put);
        metadata.set("Query", json.valueToTree(in.query()));
        metadata.set("Headers", json.valueToTree(in.headers()));
        if (inputs == null || inputs.isEmpty()) return triggerOnly(function, req, metadata, now);
        var data = inputs.deepCopy();
        data.set(triggerName(function), req);
        return invocation(function, data, metadata, now);
    }

    /// The payload of a non-HTTP trigger: its data and input bindings by name, and its metadata.
    byte[] trigger(FunctionDef function, Upstream.TriggerData trigger, Instant now) throws IOException {
        return invocation(function, trigger.data().deepCopy(), trigger.metadata().deepCopy(), now);
    }

    /// `triggerData` under the trigger binding's name, the only entry of `Data`.
    private byte[] triggerOnly(FunctionDef function, JsonNode triggerData, ObjectNode metadata, Instant now)
            throws IOException {
        var data = json.createObjectNode();
        data.set(triggerName(function), triggerData);
        return invocation(function, data, metadata, now);
    }

    private byte[] invocation(FunctionDef function, ObjectNode data, ObjectNode metadata, Instant now)
            throws IOException {
        var sys = metadata.putObject("sys");
        sys.put("MethodName", function.name());
        sys.put("UtcNow", now.toString());
        sys.put("RandGuid", UUID.randomUUID().toString());
        var payload = json.createObjectNode();
        payload.set("Data", data);
        payload.set("Metadata", metadata);
        return json.writeValueAsBytes(payload);
    }

    /// What a non-HTTP function answered: `{"Outputs": …, "ReturnValue": …}` as JSON, and its log lines.
    record TriggerResult(byte[] body, List<String> logs) {}

    TriggerResult triggerResult(byte[] replyBody) throws IOException {
        var reply = readReply(replyBody);
        var logs = new ArrayList<String>();
        reply.path("Logs").forEach(l -> logs.add(l.asText()));
        var result = json.createObjectNode();
        result.set("Outputs", reply.path("Outputs").isMissingNode() ? json.createObjectNode() : reply.get("Outputs"));
        result.set("ReturnValue", reply.path("ReturnValue").isMissingNode() ? json.nullNode() : reply.get("ReturnValue"));
        return new TriggerResult(json.writeValueAsBytes(result), logs);
    }

    Result response(FunctionDef function, byte[] replyBody) throws IOException {
        var reply = readReply(replyBody);
        var logs = new ArrayList<String>();
        reply.path("Logs").forEach(l -> logs.add(l.asText()));
        var outName = outputName(function);
        JsonNode res = "$return".equals(outName) ? reply.path("ReturnValue") : reply.path("Outputs").path(outName);
        var outputs = reply.path("Outputs").isObject() ? reply.get("Outputs") : json.createObjectNode();
        if (res.isMissingNode() || res.isNull()) return new Result(204, Map.of(), new byte[0], logs, outputs);
        if (!res.isObject()) return new Result(200, Map.of(), bodyBytes(res), logs, outputs);
        var headers = new LinkedHashMap<String, String>();
        res.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        int status = res.path("statusCode").asInt(200);
        return new Result(status == 0 ? 200 : status, headers, bodyBytes(res.path("body")), logs, outputs);
    }

    private JsonNode readReply(byte[] replyBody) throws IOException {
        JsonNode reply;
        try {
            reply = json.readTree(replyBody);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            reply = null; // reported below with what the protocol expects
        }
        if (reply == null || !reply.isObject()) {
            throw new IOException("the handler answered " + preview(replyBody)
                    + ", not a JSON object with Outputs/Logs/ReturnValue");
        }
        return reply;
    }

    private byte[] bodyBytes(JsonNode body) throws IOException {
        if (body.isMissingNode() || body.isNull()) return new byte[0];
        if (body.isTextual()) return body.asText().getBytes(StandardCharsets.UTF_8);
        return json.writeValueAsBytes(body);
    }

    static String triggerName(FunctionDef function) {
        return function.trigger().map(Binding::name).orElse("req");
    }

    private static String outputName(FunctionDef function) {
        return function.bindings().stream()
                .filter(b -> b.type().equals("http") && b.direction().equals("out"))
                .map(Binding::name).findFirst().orElse("res");
    }

    private static String preview(byte[] body) {
        var text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length == 0 ? "an empty body" : "'" + text + "'";
    }
}
