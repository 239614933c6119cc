package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads one event in the CloudEvents 1.0 JSON format and maps it onto the Event Grid schema that functions
/// receive: source → topic, type → eventType, time → eventTime (the publish time when absent), subject →
/// subject ("" when absent), data or data_base64 (as its base64 text) → data, dataschema → dataVersion.
/// Extension attributes are checked but not delivered. Stateless.
final class CloudEventsFormat {
    static final String SPEC_VERSION = "1.0";
    private static final Set<String> KNOWN = Set.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "dataschema", "data", "data_base64");
    // CloudEvents 1.0: attribute names consist of lower-case ASCII letters and digits.
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]+");

    private CloudEventsFormat() {}

    static Optional<Event> read(ObjectNode node, String where, List<String> problems, Instant publishedAt) {
        var check = new FieldCheck(node, where, problems);
        specVersion(check);
        var id = check.required("id", "a unique id for the event within its source, e.g. a GUID.");
        var source = check.required("source", "a URI reference naming the producer, e.g. \"/contoso/orders\".");
        var type = check.required("type", "the kind of event, e.g. \"com.contoso.order.placed\".");
        var subject = check.optional("subject", "");
        var time = check.optional("time", "");
        check.time("time", time, true);
        check.optional("datacontenttype", "");
        var dataVersion = check.optional("dataschema", "");
        var data = data(node, check);
        extensions(node, check);
        if (!check.clean()) return Optional.empty();
        var eventTime = time.isEmpty() ? publishedAt.toString() : time;
        return Optional.of(new Event(id, source, subject, type, eventTime, data, dataVersion));
    }

    private static void specVersion(FieldCheck check) {
        var version = check.required("specversion", "\"" + SPEC_VERSION + "\".");
        if (!version.isEmpty() && !version.equals(SPEC_VERSION)) {
            check.problem("specversion", "\"" + version + "\" is not supported.",
                    "set it to \"1.0\"; like Event Grid, Berth accepts CloudEvents 1.0.");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode data(ObjectNode node, FieldCheck check) {
        boolean hasData = node.has("data");
        boolean hasBase64 = check.has("data_base64");
        if (hasData && hasBase64) {
            check.problem("", "has both data and data_base64.",
                    "keep one: data for JSON or text, data_base64 for binary payloads.");
            return JsonNodeFactory.instance.nullNode();
        }
        if (!hasBase64) return hasData ? node.get("data") : JsonNodeFactory.instance.nullNode();
        var text = check.optional("data_base64", "");
        try {
            Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            check.problem("data_base64", "is not valid base64 (" + e.getMessage() + ").",
                    "encode the payload with standard base64 (RFC 4648, with padding).");
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private static void extensions(ObjectNode node, FieldCheck check) {
        for (var field : node.properties()) {
            var name = field.getKey();
            if (KNOWN.contains(name)) continue;
            if (!ATTRIBUTE.matcher(name).matches()) {
                check.problem(name, "\"" + name + "\" is not a valid CloudEvents attribute name.",
                        "use lower-case letters and digits only, e.g. \"" + suggest(name) + "\".");
            } else if (field.getValue().isContainerNode()) {
                check.problem(name, "an extension attribute must be a string, number or boolean, not "
                        + FieldCheck.describe(field.getValue()) + ".", "put structured values into data.");
            }
        }
    }

    private static String suggest(String name) {
        var cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return cleaned.isEmpty() ? "myextension" : cleaned;
    }
}
