package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.eventgrid.ParseOutcome.Accepted;
import dev.berth.runner.eventgrid.ParseOutcome.Failure;
import dev.berth.runner.eventgrid.ParseOutcome.Rejected;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// Turns the body of a publish request into events. The media type picks the schema:
/// `application/cloudevents+json` is one CloudEvent, `application/cloudevents-batch+json` an array of them,
/// and `application/json` (or none) an Event Grid schema array, or CloudEvents when the events carry
/// `specversion` (Azure fixes the schema per topic; Berth's topics exist on first use, so it looks).
/// Thread-safe.
public final class EventParser {
    static final String CLOUD_EVENT = "application/cloudevents+json";
    static final String CLOUD_EVENT_BATCH = "application/cloudevents-batch+json";

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final EventLimits limits;
    private final Clock clock;

    public EventParser(EventLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public EventLimits limits() { return limits; }

    /// `contentType` is the request's Content-Type header, possibly null.
    public ParseOutcome parse(byte[] body, String contentType) {
        if (body.length > limits.maxBatchBytes()) {
            return new Rejected(Failure.TOO_LARGE, "The request body is " + body.length + " bytes; a publish request "
                    + "may carry at most " + EventLimits.describe(limits.maxBatchBytes()) + ". Fix: send the events in "
                    + "several smaller requests.", List.of());
        }
        var media = mediaType(contentType);
        if (!media.equals(CLOUD_EVENT) && !media.equals(CLOUD_EVENT_BATCH) && !media.equals("application/json")
                && !media.isEmpty()) {
            return new Rejected(Failure.UNSUPPORTED_MEDIA_TYPE, "The Content-Type '" + contentType + "' is not one "
                    + "Event Grid accepts. Fix: send application/json (Event Grid schema), " + CLOUD_EVENT
                    + " (one CloudEvent) or " + CLOUD_EVENT_BATCH + " (a list of CloudEvents).", List.of());
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            var where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            return malformed("The body is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + ". Fix: send a JSON array of events.");
        } catch (IOException e) {
            return malformed("The body cannot be read: " + e.getMessage() + ". Fix: send a JSON array of events.");
        }
        if (root == null || root.isMissingNode()) return malformed("The body is empty. Fix: send a JSON array of events.");
        return switch (media) {
            case CLOUD_EVENT -> single(root);
            case CLOUD_EVENT_BATCH -> batch(root, EventSchema.CLOUD_EVENTS);
            default -> detected(root);
        };
    }

    private Rejected malformed(String summary) { return new Rejected(Failure.MALFORMED, summary, List.of()); }

    private ParseOutcome single(JsonNode root) {
        if (root.isArray()) {
            return malformed("A body sent as " + CLOUD_EVENT + " holds one event, not a list. Fix: send the list as "
                    + CLOUD_EVENT_BATCH + ", or send one JSON object.");
        }
        if (!root.isObject()) {
            return malformed("The body must be a JSON object (one CloudEvent), not " + FieldCheck.describe(root) + ".");
        }
        return events(List.of(root), EventSchema.CLOUD_EVENTS, true);
    }

    private ParseOutcome detected(JsonNode root) {
        if (root.isObject() && root.has("specversion")) return single(root);
        if (root.isObject()) {
            return malformed("The Event Grid schema takes a JSON array of events, not a single object. Fix: wrap the "
                    + "event in [ ], or send a CloudEvent with Content-Type " + CLOUD_EVENT + ".");
        }
        boolean cloud = root.isArray() && !root.isEmpty() && root.get(0).has("specversion");
        return batch(root, cloud ? EventSchema.CLOUD_EVENTS : EventSchema.EVENT_GRID);
    }

    private ParseOutcome batch(JsonNode root, EventSchema schema) {
        if (!root.isArray()) {
            var fix = schema == EventSchema.CLOUD_EVENTS ? "send a list [ … ] as " + CLOUD_EVENT_BATCH
                    + ", or one event as " + CLOUD_EVENT + "." : "send a JSON array [ … ] of events.";
            return malformed("The body must be a JSON array of events, not " + FieldCheck.describe(root) + ". Fix: " + fix);
        }
        if (root.isEmpty()) return malformed("The list of events is empty. Fix: put at least one event into it.");
        var nodes = new ArrayList<JsonNode>();
        root.forEach(nodes::add);
        return events(nodes, schema, false);
    }

    private ParseOutcome events(List<JsonNode> nodes, EventSchema schema, boolean single) {
        var problems = new ArrayList<String>();
        var tooLarge = new ArrayList<String>();
        var events = new ArrayList<Event>();
        var publishedAt = clock.instant();
        for (int i = 0; i < nodes.size(); i++) {
            var where = single ? "event" : "events[" + i + "]";
            var node = nodes.get(i);
            if (!(node instanceof ObjectNode object)) {
                problems.add(where + ": must be a JSON object, not " + FieldCheck.describe(node)
                        + ". Fix: write each event as { … }.");
                continue;
            }
            oversize(object, where).ifPresent(tooLarge::add);
            var event = schema == EventSchema.CLOUD_EVENTS
                    ? CloudEventsFormat.read(object, where, problems, publishedAt)
                    : EventGridFormat.read(object, where, problems);
            event.ifPresent(events::add);
        }
        if (!tooLarge.isEmpty()) {
            return new Rejected(Failure.TOO_LARGE, tooLarge.size() + " of " + nodes.size() + " event(s) exceed "
                    + EventLimits.describe(limits.maxEventBytes()) + ".", tooLarge);
        }
        if (!problems.isEmpty()) {
            return new Rejected(Failure.MALFORMED, problems.size() + " problem(s) in the " + name(schema)
                    + (single ? " event" : " events") + "; none was published.", problems);
        }
        return new Accepted(schema, events);
    }

    private Optional<String> oversize(ObjectNode event, String where) {
        int size;
        try {
            size = json.writeValueAsBytes(event).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree must serialize", e);
        }
        if (size <= limits.maxEventBytes()) return Optional.empty();
        return Optional.of(where + ": is " + size + " bytes; an event may be at most "
                + EventLimits.describe(limits.maxEventBytes()) + ". Fix: put large payloads into a blob and send its URL.");
    }

    private static String name(EventSchema schema) {
        return schema == EventSchema.CLOUD_EVENTS ? "CloudEvents" : "Event Grid schema";
    }

    private static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
