package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/// Reads one event in the Event Grid schema. `id`, `subject`, `data`, `eventType`, `eventTime` and
/// `dataVersion` are required, as in the publish API; `topic` and `metadataVersion` are optional, and
/// `metadataVersion` must be "1" when present. Stateless.
final class EventGridFormat {
    private EventGridFormat() {}

    static Optional<Event> read(ObjectNode node, String where, List<String> problems) {
        var check = new FieldCheck(node, where, problems);
        var id = check.required("id", "a unique id for the event, e.g. a GUID.");
        var topic = check.optional("topic", "");
        var subject = check.required("subject", "the path of what the event is about, e.g. \"/orders/42\".");
        var eventType = check.required("eventType", "the kind of event, e.g. \"Contoso.Orders.OrderPlaced\".");
        var eventTime = check.required("eventTime", "when it happened, e.g. " + FieldCheck.TIME_EXAMPLE + ".");
        check.time("eventTime", eventTime, false);
        if (!node.has("data")) {
            check.problem("data", "missing.", "add \"data\": the event's payload (an object, or {} when there is none).");
        }
        var dataVersion = check.present("dataVersion", "the version of the data's schema, e.g. \"1.0\" (may be \"\").");
        var metadataVersion = check.optional("metadataVersion", Event.METADATA_VERSION);
        if (!metadataVersion.equals(Event.METADATA_VERSION)) {
            check.problem("metadataVersion", "\"" + metadataVersion + "\" is not a metadata version Event Grid knows.",
                    "leave the field out, or set it to \"1\".");
        }
        if (!check.clean()) return Optional.empty();
        return Optional.of(new Event(id, topic, subject, eventType, eventTime, node.get("data"), dataVersion));
    }
}
