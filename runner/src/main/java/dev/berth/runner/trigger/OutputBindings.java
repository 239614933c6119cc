package dev.berth.runner.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.blob.BlobStore;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.queue.QueueStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Applies what a function returned for its output bindings to the embedded storage: `queue` messages
/// (an array is one message per element), `blob` contents, and `eventGrid` events (handed to the
/// project's Event Grid). `http` outputs are the ingress's business. Thread-safe.
public final class OutputBindings {
    /// Where `eventGrid` output bindings publish: the topic named by the binding's endpoint setting.
    @FunctionalInterface
    public interface EventPublisher {
        void publish(String topic, List<JsonNode> events);
    }

    private final QueueStore queues;
    private final BlobStore blobs;
    private final EventPublisher events;
    private final BindingExpressions expressions;
    private final java.util.function.BiConsumer<String, String> written;

    /// `written` hears each write, e.g. ("process", "blob receipts/1.json: 30 bytes"), for the logs.
    public OutputBindings(QueueStore queues, BlobStore blobs, EventPublisher events, BindingExpressions expressions,
                          java.util.function.BiConsumer<String, String> written) {
        this.written = written;
        this.queues = queues;
        this.blobs = blobs;
        this.events = events;
        this.expressions = expressions;
    }

    /// What was written, one line each (e.g. "queue thumbnails: 1 message"); each also goes to `written`.
    public List<String> apply(FunctionDef function, JsonNode outputs, Map<String, String> bindingData) {
        var lines = new ArrayList<String>();
        for (var binding : function.bindings()) {
            if (!"out".equalsIgnoreCase(binding.direction())) continue;
            var value = outputs.get(binding.name());
            if (value == null || value.isNull()) continue;
            switch (binding.type().toLowerCase(Locale.ROOT)) {
                case "queue" -> lines.add(queue(function, binding, value, bindingData));
                case "blob" -> lines.add(blob(function, binding, value, bindingData));
                case "eventgrid" -> lines.add(eventGrid(binding, value));
                default -> { } // http answers go back through the ingress; others are not emulated
            }
        }
        lines.forEach(line -> written.accept(function.name(), line));
        return lines;
    }

    private String queue(FunctionDef function, Binding binding, JsonNode value, Map<String, String> data) {
        var queue = expressions.resolve(property(function, binding, "queueName"), function.name(), data);
        var messages = new ArrayList<String>();
        if (value.isArray()) value.forEach(item -> messages.add(text(item)));
        else messages.add(text(value));
        queues.createIfNotExists(queue);
        for (var message : messages) queues.put(queue, message);
        return "queue " + queue + ": " + messages.size() + " message(s)";
    }

    private String blob(FunctionDef function, Binding binding, JsonNode value, Map<String, String> data) {
        var path = expressions.resolve(property(function, binding, "path"), function.name(), data);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException(function.name() + "/function.json " + binding.name() + ".path: \"" + path
                    + "\" is not container/blob. Fix: write it as \"<container>/<blob name>\".");
        }
        var container = path.substring(0, slash);
        blobs.createContainer(container);
        var content = text(value).getBytes(StandardCharsets.UTF_8);
        blobs.put(container, path.substring(slash + 1), content, value.isTextual() ? "text/plain" : "application/json");
        return "blob " + path + ": " + content.length + " bytes";
    }

    private String eventGrid(Binding binding, JsonNode value) {
        var list = new ArrayList<JsonNode>();
        if (value.isArray()) value.forEach(list::add);
        else list.add(value);
        var setting = String.valueOf(binding.properties().getOrDefault("topicEndpointUri", "topic"));
        var topic = topicName(expressions.resolve("%" + setting + "%", "", Map.of()));
        events.publish(topic, list);
        return "event grid topic " + topic + ": " + list.size() + " event(s)";
    }

    /// `http://127.0.0.1:7071/eventgrid/topics/orders/api/events` → `orders`; any other URL names itself.
    static String topicName(String endpoint) {
        var marker = "/eventgrid/topics/";
        int at = endpoint.indexOf(marker);
        if (at < 0) return endpoint;
        var rest = endpoint.substring(at + marker.length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static String property(FunctionDef function, Binding binding, String name) {
        var value = binding.properties().get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(function.name() + "/function.json binding \"" + binding.name()
                    + "\": " + name + " is missing. Fix: add \"" + name + "\" to the binding.");
        }
        return String.valueOf(value);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
