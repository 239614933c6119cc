package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.project.ProjectProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Pattern;

/// Checks the entries of `eventgrid.yaml` one field at a time, recording every problem with its line.
/// Mutable; used once, by one thread.
final class SubscriptionReader {
    private static final Set<String> TOP = Set.of("subscriptions");
    private static final Set<String> FIELDS = Set.of("name", "function", "source", "filter", "maxDeliveryAttempts",
            "eventTtlMinutes");
    private static final Set<String> FILTER = Set.of("subjectBeginsWith", "subjectEndsWith", "includedEventTypes",
            "isSubjectCaseSensitive");
    private static final Set<String> FILTER_KNOWN = Set.of("subjectBeginsWith", "subjectEndsWith", "includedEventTypes",
            "isSubjectCaseSensitive", "advancedFilters");
    // Azure: event subscription names are 3–64 characters, topic names 3–50; letters, digits and hyphens.
    private static final Pattern SUBSCRIPTION_NAME = Pattern.compile("[A-Za-z0-9-]{3,64}");
    static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9-]{3,50}");

    private final YamlDoc doc;
    private final SortedSet<String> eventGridFunctions;
    private final SortedSet<String> allFunctions;
    private final List<ProjectProblem> problems;
    private boolean entryFailed;

    SubscriptionReader(YamlDoc doc, SortedSet<String> eventGridFunctions, SortedSet<String> allFunctions,
                       List<ProjectProblem> problems) {
        this.doc = doc;
        this.eventGridFunctions = eventGridFunctions;
        this.allFunctions = allFunctions;
        this.problems = problems;
    }

    List<Subscription> read() {
        var root = doc.root();
        if (!root.isObject()) {
            error("", "the file must hold a YAML mapping with `subscriptions:`, not " + FieldCheck.describe(root) + ".",
                    "start the file with `subscriptions:` followed by a list of subscriptions.");
            return List.of();
        }
        unknownFields(root, "", TOP);
        var list = root.get("subscriptions");
        if (list == null || list.isNull()) {
            warning("subscriptions", "the file defines no subscriptions, so no event reaches a function.",
                    "add `subscriptions:` with entries of name, function and source, or delete the file.");
            return List.of();
        }
        if (!list.isArray()) {
            error("subscriptions", "must be a list, not " + FieldCheck.describe(list) + ".",
                    "write each subscription as an item starting with `- name: …`.");
            return List.of();
        }
        var result = new ArrayList<Subscription>();
        var names = new HashMap<String, String>();
        for (int i = 0; i < list.size(); i++) entry(list.get(i), "subscriptions[" + i + "]", names).ifPresent(result::add);
        return result;
    }

    private Optional<Subscription> entry(JsonNode node, String at, Map<String, String> names) {
        if (!node.isObject()) {
            error(at, "must be a mapping (name, function, source, …), not " + FieldCheck.describe(node) + ".",
                    "write the subscription as `- name: …` with its fields indented below.");
            return Optional.empty();
        }
        entryFailed = false;
        unknownFields(node, at, FIELDS);
        var name = name(node, at, names);
        var function = function(node, at);
        var source = source(node, at);
        var filter = filter(node.get("filter"), YamlDoc.child(at, "filter"));
        int attempts = bounded(node, at, "maxDeliveryAttempts", Subscription.DEFAULT_MAX_DELIVERY_ATTEMPTS, 30, "attempts");
        int ttl = bounded(node, at, "eventTtlMinutes", Subscription.DEFAULT_EVENT_TTL_MINUTES, 1440, "minutes");
        if (entryFailed) return Optional.empty();
        return Optional.of(new Subscription(name, function, source.orElseThrow(), filter, attempts, Duration.ofMinutes(ttl)));
    }

    private String name(JsonNode node, String at, Map<String, String> names) {
        var field = YamlDoc.child(at, "name");
        var name = text(node, field, "name", "a name such as `new-orders`.");
        if (name.isEmpty()) return name;
        if (!SUBSCRIPTION_NAME.matcher(name).matches()) {
            error(field, "\"" + name + "\" is not a valid subscription name.",
                    "use 3 to 64 letters, digits and hyphens, as Azure does, e.g. `new-orders`.");
        }
        var previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), field);
        if (previous != null) {
            error(field, "the name \"" + name + "\" is already used by " + previous + " (names ignore case).",
                    "give each subscription its own name.");
        }
        return name;
    }

    private String function(JsonNode node, String at) {
        var field = YamlDoc.child(at, "function");
        var name = text(node, field, "function", "the name of an eventGridTrigger function.");
        if (name.isEmpty()) return name;
        var choices = eventGridFunctions.isEmpty() ? "the project has no eventGridTrigger function; add one with a "
                + "binding of type eventGridTrigger" : "use one of the eventGridTrigger functions: "
                + String.join(", ", eventGridFunctions);
        if (!allFunctions.contains(name)) {
            error(field, "there is no function \"" + name + "\".", choices + ".");
        } else if (!eventGridFunctions.contains(name)) {
            error(field, "the function \"" + name + "\" is not triggered by Event Grid (its trigger is not an "
                    + "eventGridTrigger).", choices + ", or change the function's trigger binding to eventGridTrigger.");
        } else {
            return eventGridFunctions.tailSet(name).first(); // the spelling of the function's folder
        }
        return name;
    }

    private Optional<Subscription.Source> source(JsonNode node, String at) {
        var field = YamlDoc.child(at, "source");
        var text = text(node, field, "source", "`topic:<name>` for a custom topic, or `storage` for the blob store.");
        if (text.isEmpty()) return Optional.empty();
        if (text.equalsIgnoreCase("storage")) return Optional.of(new Subscription.Source.Storage());
        if (text.regionMatches(true, 0, "topic:", 0, 6)) {
            var topic = text.substring(6).strip();
            if (TOPIC_NAME.matcher(topic).matches()) return Optional.of(new Subscription.Source.Topic(topic));
            error(field, "\"" + topic + "\" is not a valid topic name.",
                    "use 3 to 50 letters, digits and hyphens after `topic:`, e.g. `topic:orders`.");
            return Optional.empty();
        }
        error(field, "\"" + text + "\" is not a source Berth knows.",
                "write `topic:<name>` for a custom topic (published at /eventgrid/topics/<name>/api/events), "
                        + "or `storage` for the project's blob store.");
        return Optional.empty();
    }

    private Subscription.Filter filter(JsonNode node, String at) {
        if (node == null || node.isNull()) return Subscription.Filter.ALL;
        if (!node.isObject()) {
            error(at, "must be a mapping, not " + FieldCheck.describe(node) + ".",
                    "indent subjectBeginsWith, subjectEndsWith and includedEventTypes below `filter:`.");
            return Subscription.Filter.ALL;
        }
        if (node.has("advancedFilters")) {
            warning(YamlDoc.child(at, "advancedFilters"), "advanced filters are not applied locally: every event that "
                    + "passes the subject and type filters is delivered.", "test the function with that in mind, or "
                    + "narrow the events with subjectBeginsWith, subjectEndsWith and includedEventTypes.");
        }
        unknownFields(node, at, FILTER_KNOWN, FILTER);
        var begins = optionalText(node, at, "subjectBeginsWith");
        var ends = optionalText(node, at, "subjectEndsWith");
        var types = eventTypes(node.get("includedEventTypes"), YamlDoc.child(at, "includedEventTypes"));
        var caseSensitive = node.get("isSubjectCaseSensitive");
        if (caseSensitive != null && !caseSensitive.isNull() && !caseSensitive.isBoolean()) {
            error(YamlDoc.child(at, "isSubjectCaseSensitive"), "must be true or false, not "
                    + FieldCheck.describe(caseSensitive) + ".", "write true or false without quotes.");
        }
        return new Subscription.Filter(begins, ends, types, caseSensitive != null && caseSensitive.asBoolean(false));
    }

    private List<String> eventTypes(JsonNode node, String at) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) {
            error(at, "must be a list of event types, not " + FieldCheck.describe(node) + ".",
                    "write it as a list, e.g. `includedEventTypes: [Microsoft.Storage.BlobCreated]`.");
            return List.of();
        }
        var types = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                types.add(item.asText());
            } else {
                error(at + "[" + i + "]", "an event type must be non-empty text, not " + FieldCheck.describe(item) + ".",
                        "write the event type's name, e.g. Contoso.Orders.OrderPlaced.");
            }
        }
        return types;
    }

    private int bounded(JsonNode node, String at, String key, int fallback, int max, String unit) {
        var value = node.get(key);
        if (value == null || value.isNull()) return fallback;
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1 || value.intValue() > max) {
            error(YamlDoc.child(at, key), "must be a whole number from 1 to " + max + ", not " + FieldCheck.describe(value)
                    + ".", "set " + key + " to 1–" + max + " " + unit + ", or leave it out for " + fallback + ".");
            return fallback;
        }
        return value.intValue();
    }

    private String text(JsonNode node, String field, String key, String fix) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            error(field, "missing.", "add `" + key + ":` with " + fix);
            return "";
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            error(field, "must be non-empty text, not " + FieldCheck.describe(value) + ".", "set `" + key + ":` to " + fix);
            return "";
        }
        return value.asText().strip();
    }

    private String optionalText(JsonNode node, String at, String key) {
        var value = node.get(key);
        if (value == null || value.isNull()) return "";
        if (!value.isTextual()) {
            error(YamlDoc.child(at, key), "must be text, not " + FieldCheck.describe(value) + ".",
                    "put the value in quotes, e.g. " + key + ": \"/orders/\".");
            return "";
        }
        return value.asText();
    }

    private void unknownFields(JsonNode node, String at, Set<String> known) { unknownFields(node, at, known, known); }

    /// `known` fields pass silently; a field that is not, is named with the closest of `suggested`.
    private void unknownFields(JsonNode node, String at, Set<String> known, Set<String> suggested) {
        for (var entry : node.properties()) {
            var name = entry.getKey();
            if (known.contains(name)) continue;
            var close = suggested.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
            warning(YamlDoc.child(at, name), "unknown field \"" + name + "\"; Berth ignores it.", close
                    .map(k -> "write it as `" + k + "` (names are case-sensitive).")
                    .orElse("remove it, or use one of: " + String.join(", ", suggested.stream().sorted().toList()) + "."));
        }
    }

    private void error(String field, String message, String fix) {
        entryFailed = true;
        problems.add(EventGridConfig.error(doc.line(field), field, message, fix));
    }

    private void warning(String field, String message, String fix) {
        problems.add(EventGridConfig.warning(doc.line(field), field, message, fix));
    }
}
