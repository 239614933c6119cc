package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/// One event as Berth routes it, whatever schema it was published in: the fields of the Event Grid schema,
/// which is also what an `eventGridTrigger` function receives. CloudEvents input is mapped onto it
/// (source → topic, type → eventType, time → eventTime). `eventTime` keeps the publisher's text (ISO 8601),
/// so a function sees the precision it was sent with. Immutable; `data` must not be modified after construction.
public record Event(String id, String topic, String subject, String eventType, String eventTime, JsonNode data,
                    String dataVersion) {
    /// The only metadata version Event Grid defines.
    public static final String METADATA_VERSION = "1";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventTime, "eventTime");
        data = data == null ? JsonNodeFactory.instance.nullNode() : data;
        dataVersion = dataVersion == null ? "" : dataVersion;
    }

    /// For event sources inside Berth (the blob store): an event at `time` whose topic the router fills in.
    public static Event of(String id, String subject, String eventType, Instant time, JsonNode data, String dataVersion) {
        return new Event(id, "", subject, eventType, time.toString(), data, dataVersion);
    }

    /// The same event with `topic` set, unless the publisher already set one.
    public Event withTopicIfAbsent(String topic) {
        return this.topic.isEmpty() ? new Event(id, topic, subject, eventType, eventTime, data, dataVersion) : this;
    }

    /// The event in the Event Grid schema, as Event Grid delivers it to a subscriber.
    public ObjectNode toEventGridJson() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("topic", topic);
        node.put("subject", subject);
        node.put("eventType", eventType);
        node.put("eventTime", eventTime);
        node.set("data", data.deepCopy());
        node.put("dataVersion", dataVersion);
        node.put("metadataVersion", METADATA_VERSION);
        return node;
    }
}
