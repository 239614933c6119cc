package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.project.FunctionDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/// Runs non-HTTP invocations — timers, queue messages, blobs, events — on the project's replicas,
/// through the same replica selection, timeout and records as HTTP requests. Thread-safe; blocks for
/// the length of the invocation, so call it from a virtual thread.
public final class FunctionInvoker {
    private final FunctionGateway gateway;
    private final ObjectMapper json;

    FunctionInvoker(FunctionGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    /// How one invocation ended. `succeeded` is false when the function failed, timed out, or no
    /// replica took it; `outputs` are the handler's output bindings by name (empty on failure).
    public record Result(String invocationId, int status, boolean succeeded, JsonNode outputs, JsonNode returnValue,
                         List<String> logs, String error) {}

    /// `data` holds the trigger's data (and input bindings) by binding name; `metadata` the trigger
    /// metadata; `trigger` is the binding type for the records (e.g. "queueTrigger"); `summary` a short
    /// description of what fired (e.g. "orders: message 3f2…").
    public Result invoke(FunctionDef function, String trigger, ObjectNode data, ObjectNode metadata, String summary)
            throws IOException {
        var path = "/" + trigger + "/" + function.name();
        var record = new IncomingRequest("POST", summary, path, Map.of(), Map.of(), Map.of(),
                summary.getBytes(StandardCharsets.UTF_8));
        var done = gateway.dispatch(new Upstream.Call(function, record, new Upstream.TriggerData(data, metadata)), trigger);
        var answer = done.answer();
        boolean succeeded = answer.status() == 200 && answer.error().isEmpty();
        JsonNode outputs = json.createObjectNode();
        JsonNode returnValue = json.nullNode();
        if (succeeded) {
            var body = json.readTree(answer.body());
            outputs = body.path("Outputs").isObject() ? body.get("Outputs") : outputs;
            returnValue = body.path("ReturnValue").isMissingNode() ? returnValue : body.get("ReturnValue");
        }
        return new Result(done.invocationId(), answer.status(), succeeded, outputs, returnValue, answer.logs(),
                succeeded ? "" : errorOf(answer));
    }

    private static String errorOf(Upstream.Answer answer) {
        if (!answer.error().isEmpty()) return answer.error();
        return "status " + answer.status() + ": " + new String(answer.body(), 0, Math.min(answer.body().length, 500),
                StandardCharsets.UTF_8);
    }
}
