package dev.berth.runner.durable.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.RuntimeStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/// An instance's status object as the Durable Functions HTTP API writes it: `name, instanceId, runtimeStatus,
/// input, customStatus, output, createdTime, lastUpdatedTime` and, when asked, `historyEvents`. Stored payloads
/// (JSON text) are embedded as JSON values. A Failed instance without output shows its failure as the output
/// string, as Azure does. Stateless apart from the mapper; thread-safe.
final class StatusJson {
    private final ObjectMapper json;
    private final HistoryEvents history;

    StatusJson(ObjectMapper json) {
        this.json = json;
        this.history = new HistoryEvents(this);
    }

    ObjectNode status(InstanceInfo info, boolean showInput) {
        var node = json.createObjectNode();
        node.put("name", info.name());
        node.put("instanceId", info.instanceId());
        node.put("runtimeStatus", info.status().azureName());
        node.set("input", showInput ? payload(info.input()) : json.nullNode());
        node.set("customStatus", payload(info.customStatus()));
        node.set("output", output(info));
        node.put("createdTime", azureTime(info.created()));
        node.put("lastUpdatedTime", azureTime(info.lastUpdated()));
        return node;
    }

    ObjectNode status(InstanceInfo info, boolean showInput, List<HistoryItem> events, boolean showHistoryOutput) {
        var node = status(info, showInput);
        node.set("historyEvents", history.toJson(events, showHistoryOutput));
        return node;
    }

    private JsonNode output(InstanceInfo info) {
        if (info.output() == null && info.status() == RuntimeStatus.FAILED && info.failure().isPresent()) {
            return json.getNodeFactory().textNode(info.failure().get().describe());
        }
        return payload(info.output());
    }

    /// Stored JSON text as a value; text that is not JSON (never written by the backend) stays a string.
    JsonNode payload(String text) {
        if (text == null || text.isBlank()) return json.nullNode();
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    ObjectNode failure(Failure failure) {
        var node = json.createObjectNode();
        node.put("ErrorType", failure.type());
        node.put("ErrorMessage", failure.message());
        node.put("StackTrace", failure.stackTrace());
        return node;
    }

    ObjectNode event(HistoryItem item) {
        var node = json.createObjectNode();
        node.put("EventType", item.kind().azureName());
        node.put("Timestamp", item.timestamp().toString());
        return node;
    }

    /// Azure writes an instance's times to the second: 2018-02-28T05:18:49Z.
    static String azureTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
