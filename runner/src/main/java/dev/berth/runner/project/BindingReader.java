package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.queue.QueueException;
import dev.berth.runner.queue.QueueLimits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/// Checks one entry of a function.json `bindings` array: type, direction and name. Type and direction are
/// matched ignoring case, as the Functions host does, and stored in their canonical spelling. Stateless.
final class BindingReader {
    static final List<String> KNOWN_TYPES = List.of("httpTrigger", "http", "timerTrigger", "queueTrigger", "queue",
            "blobTrigger", "blob", "eventGridTrigger", "eventGrid", "orchestrationTrigger", "activityTrigger",
            "entityTrigger", "durableClient", "serviceBusTrigger", "serviceBus", "eventHubTrigger", "eventHub",
            "cosmosDBTrigger", "cosmosDB", "table", "signalR", "sendGrid");
    private static final Map<String, String> CANONICAL = KNOWN_TYPES.stream()
            .collect(Collectors.toMap(t -> t.toLowerCase(Locale.ROOT), Function.identity()));
    /// Per type, the property it cannot do without.
    private static final Map<String, String> REQUIRED = Map.of("queueTrigger", "queueName", "queue", "queueName",
            "blobTrigger", "path", "blob", "path");
    private static final Set<String> DIRECTIONS = Set.of("in", "out", "inout");
    // Binding names become JSON keys of the invocation payload and parameter names in handlers.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\$return");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BindingReader() {}

    static boolean isTrigger(String type) { return type.endsWith("Trigger"); }

    /// The binding at `field` (e.g. `bindings[0]`), or empty after recording an ERROR.
    static Optional<Binding> read(SourceDoc doc, String field, JsonNode node, Problems problems) {
        if (!node.isObject()) {
            problems.error(doc, field, "a binding must be an object, found " + SourceParser.describe(node) + ".",
                    "write it as {\"type\": …, \"direction\": …, \"name\": …}.");
            return Optional.empty();
        }
        var type = type(doc, field, node, problems);
        var direction = direction(doc, field, node, type.orElse(""), problems);
        var name = name(doc, field, node, problems);
        if (type.isEmpty() || direction.isEmpty() || name.isEmpty()) return Optional.empty();
        if (!hasRequired(doc, field, node, type.get(), problems)) return Optional.empty();
        return Optional.of(new Binding(type.get(), direction.get(), name.get(), properties(node)));
    }

    private static Optional<String> type(SourceDoc doc, String field, JsonNode node, Problems problems) {
        var entry = Fields.find(node, "type", true);
        var where = SourceDoc.child(field, entry.map(Map.Entry::getKey).orElse("type"));
        if (entry.isEmpty() || !entry.get().getValue().isTextual()) {
            problems.error(doc, where, entry.isEmpty() ? "the binding has no type."
                    : "type must be text, found " + SourceParser.describe(entry.get().getValue()) + ".",
                    "set \"type\", e.g. \"httpTrigger\".");
            return Optional.empty();
        }
        var written = entry.get().getValue().asText();
        var canonical = CANONICAL.get(written.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            problems.error(doc, where, "unknown binding type \"" + written + "\" in binding " + indexOf(field) + ".",
                    "use a known type; the closest are " + Fields.nearest(written, KNOWN_TYPES, 4)
                            + " (all: " + String.join(", ", KNOWN_TYPES) + ").");
            return Optional.empty();
        }
        return Optional.of(canonical);
    }

    /// The property a storage binding cannot work without (a timer's schedule is checked with the trigger).
    private static boolean hasRequired(SourceDoc doc, String field, JsonNode node, String type, Problems problems) {
        var required = REQUIRED.get(type);
        if (required == null) return true;
        var entry = Fields.find(node, required, true);
        var where = SourceDoc.child(field, entry.map(Map.Entry::getKey).orElse(required));
        var value = entry.map(Map.Entry::getValue).filter(JsonNode::isTextual).map(v -> v.asText().strip()).orElse("");
        if (value.isEmpty()) {
            problems.error(doc, where, "a " + type + " binding needs \"" + required + "\"" + (entry.isEmpty() ? "."
                    : ", found " + SourceParser.describe(entry.get().getValue()) + "."), required.equals("queueName")
                    ? "add \"queueName\": the queue's name, e.g. \"orders\" (or \"%SETTING%\" for an app setting)."
                    : "add \"path\": container/blob, e.g. \"images/{name}\" (or \"%SETTING%\" for an app setting).");
            return false;
        }
        if (!required.equals("queueName") || value.contains("%") || value.contains("{")) return true;
        try {
            QueueLimits.checkName(value);
            return true;
        } catch (QueueException e) {
            problems.error(doc, where, e.getMessage() + ".", "rename the queue in \"queueName\".");
            return false;
        }
    }

    private static Optional<String> direction(SourceDoc doc, String field, JsonNode node, String type,
                                              Problems problems) {
        var entry = Fields.find(node, "direction", true);
        var where = SourceDoc.child(field, entry.map(Map.Entry::getKey).orElse("direction"));
        var value = entry.map(e -> e.getValue().isTextual() ? e.getValue().asText().toLowerCase(Locale.ROOT) : "?");
        var fix = isTrigger(type) ? "set \"direction\": \"in\" (a trigger is always an input)."
                : "set \"direction\" to \"in\", \"out\" or \"inout\".";
        if (value.isEmpty()) {
            problems.error(doc, where, "the binding has no direction.", fix);
            return Optional.empty();
        }
        if (!DIRECTIONS.contains(value.get()) || (isTrigger(type) && !value.get().equals("in"))) {
            problems.error(doc, where, SourceParser.describe(entry.get().getValue()) + " is not a valid direction"
                    + (isTrigger(type) ? " for a trigger." : "."), fix);
            return Optional.empty();
        }
        return value;
    }

    private static Optional<String> name(SourceDoc doc, String field, JsonNode node, Problems problems) {
        var entry = Fields.find(node, "name", true);
        var where = SourceDoc.child(field, entry.map(Map.Entry::getKey).orElse("name"));
        var value = entry.map(Map.Entry::getValue).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (value.isEmpty() || !NAME.matcher(value.get()).matches()) {
            problems.error(doc, where, entry.isEmpty() ? "the binding has no name."
                    : SourceParser.describe(entry.get().getValue()) + " is not a valid binding name.",
                    "set \"name\" to an identifier such as \"req\" (letters, digits, '_'; \"$return\" for the return value).");
            return Optional.empty();
        }
        return value;
    }

    /// Every field of the binding, known or not; JSON nulls are dropped (immutable maps refuse them).
    private static Map<String, Object> properties(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = MAPPER.convertValue(node, LinkedHashMap.class);
        all.values().removeIf(v -> v == null);
        return all;
    }

    private static String indexOf(String field) {
        int open = field.lastIndexOf('[');
        return open < 0 ? field : "#" + field.substring(open + 1, field.length() - 1);
    }
}
