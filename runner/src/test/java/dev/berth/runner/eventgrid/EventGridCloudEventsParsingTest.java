package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.ParseOutcome.Accepted;
import dev.berth.runner.eventgrid.ParseOutcome.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.berth.runner.eventgrid.EventGridSchemaParsingTest.parse;
import static dev.berth.runner.eventgrid.EventGridSchemaParsingTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/// Publishing CloudEvents 1.0 (structured JSON, single and batch), and how they map onto the Event Grid schema
/// that functions receive.
class EventGridCloudEventsParsingTest {
    static final String SINGLE = "application/cloudevents+json; charset=utf-8";
    static final String BATCH = "application/cloudevents-batch+json; charset=utf-8";
    static final String VALID = """
            {"specversion": "1.0", "id": "A234", "source": "/contoso/orders", "type": "com.contoso.order.placed",
             "subject": "orders/7", "time": "2026-11-21T18:41:00Z", "datacontenttype": "application/json",
             "data": {"total": 42}}""";

    private final MutableClock clock = new MutableClock();
    private final EventParser parser = new EventParser(EventLimits.AZURE, clock);

    private Event single(String body, String contentType) {
        var outcome = parse(parser, body, contentType);
        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(((Accepted) outcome).schema()).isEqualTo(EventSchema.CLOUD_EVENTS);
        return ((Accepted) outcome).events().getFirst();
    }

    @Test
    void parse_singleCloudEvent_mapsOntoTheEventGridSchema() {
        var event = single(VALID, SINGLE);

        assertThat(event.id()).isEqualTo("A234");
        assertThat(event.topic()).isEqualTo("/contoso/orders");
        assertThat(event.eventType()).isEqualTo("com.contoso.order.placed");
        assertThat(event.subject()).isEqualTo("orders/7");
        assertThat(event.eventTime()).isEqualTo("2026-11-21T18:41:00Z");
        assertThat(event.data().path("total").asInt()).isEqualTo(42);
        assertThat(event.dataVersion()).isEmpty();
    }

    @Test
    void parse_batch_acceptsEveryEvent() {
        var outcome = parse(parser, "[" + VALID + "," + VALID.replace("A234", "A235") + "]", BATCH);

        assertThat(((Accepted) outcome).events()).extracting(Event::id).containsExactly("A234", "A235");
    }

    @Test
    void parse_minimalEvent_getsPublishTimeEmptySubjectAndNullData() {
        var event = single("{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"s\", \"type\": \"t\"}", SINGLE);

        assertThat(event.eventTime()).isEqualTo(MutableClock.START.toString());
        assertThat(event.subject()).isEmpty();
        assertThat(event.data().isNull()).isTrue();
    }

    @Test
    void parse_dataBase64_isDeliveredAsItsBase64Text() {
        var event = single(VALID.replace("\"data\": {\"total\": 42}", "\"data_base64\": \"aGVsbG8=\""), SINGLE);

        assertThat(event.data().asText()).isEqualTo("aGVsbG8=");
    }

    @Test
    void parse_dataschema_becomesDataVersion() {
        var event = single(VALID.replace("\"subject\"", "\"dataschema\": \"https://contoso.com/order/v2\", \"subject\""), SINGLE);

        assertThat(event.dataVersion()).isEqualTo("https://contoso.com/order/v2");
    }

    @Test
    void parse_validExtensionAttribute_isAccepted() {
        single(VALID.replace("\"subject\"", "\"traceparent\": \"00-1\", \"partitionkey2\": 3, \"subject\""), SINGLE);
    }

    @Test
    void parse_cloudEventsAsApplicationJson_areRecognisedBySpecversion() {
        assertThat(single(VALID, "application/json").id()).isEqualTo("A234");
        assertThat(single("[" + VALID + "]", "application/json").id()).isEqualTo("A234");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            specversion missing   | "specversion": "1.0",        |                          | event.specversion: missing. Fix: add "specversion": "1.0".
            specversion 0.3       | "specversion": "1.0"         | "specversion": "0.3"     | event.specversion: "0.3" is not supported. Fix: set it to "1.0"; like Event Grid, Berth accepts CloudEvents 1.0.
            id missing            | "id": "A234",                |                          | event.id: missing. Fix: add "id": a unique id for the event within its source
            source missing        | "source": "/contoso/orders", |                          | event.source: missing. Fix: add "source": a URI reference naming the producer
            source empty          | "source": "/contoso/orders"  | "source": ""             | event.source: is empty. Fix: set "source" to a URI reference
            type missing          | "type": "com.contoso.order.placed", |                   | event.type: missing. Fix: add "type": the kind of event
            type a list           | "type": "com.contoso.order.placed"  | "type": []        | event.type: must be a string, not a list.
            subject a number      | "subject": "orders/7"        | "subject": 7             | event.subject: must be a string, not the number 7.
            time without offset   | "2026-11-21T18:41:00Z"       | "2026-11-21T18:41:00"    | event.time: "2026-11-21T18:41:00" is not an RFC 3339 date and time. Fix: write it like
            data and data_base64  | "data": {"total": 42}        | "data": 1, "data_base64": "AA==" | event: has both data and data_base64. Fix: keep one
            data_base64 not base64 | "data": {"total": 42}       | "data_base64": "%%%"     | event.data_base64: is not valid base64
            bad extension name    | "subject"                    | "traceId": "x", "subject" | event.traceId: "traceId" is not a valid CloudEvents attribute name. Fix: use lower-case letters and digits only, e.g. "traceid".
            object extension      | "subject"                    | "routing": {"a": 1}, "subject" | event.routing: an extension attribute must be a string, number or boolean, not an object.
            """)
    void parse_invalidSingleEvent_namesFieldAndFix(String name, String replace, String with, String message) {
        var rejected = rejected(parse(parser, VALID.replace(replace, with == null ? "" : with), SINGLE));

        assertThat(rejected.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(rejected.problems()).singleElement().asString().startsWith(message);
    }

    @Test
    void parse_invalidEventInBatch_isNamedByIndex() {
        var rejected = rejected(parse(parser, "[" + VALID + "," + VALID.replace("\"type\": \"com.contoso.order.placed\",", "") + "]", BATCH));

        assertThat(rejected.problems()).singleElement().asString().startsWith("events[1].type: missing.");
        assertThat(rejected.summary()).contains("CloudEvents events; none was published");
    }

    @Test
    void parse_listSentAsSingleCloudEvent_pointsToTheBatchMediaType() {
        var rejected = rejected(parse(parser, "[" + VALID + "]", SINGLE));

        assertThat(rejected.summary()).isEqualTo("A body sent as application/cloudevents+json holds one event, not a "
                + "list. Fix: send the list as application/cloudevents-batch+json, or send one JSON object.");
    }

    @Test
    void parse_objectSentAsBatch_pointsToTheSingleMediaType() {
        var rejected = rejected(parse(parser, VALID, BATCH));

        assertThat(rejected.summary()).startsWith("The body must be a JSON array of events, not an object. Fix: send a "
                + "list [ … ] as application/cloudevents-batch+json, or one event as application/cloudevents+json.");
    }

    @Test
    void parse_singleEventNotAnObject_isRejected() {
        var rejected = rejected(parse(parser, "42", SINGLE));

        assertThat(rejected.summary()).startsWith("The body must be a JSON object (one CloudEvent), not the number 42.");
    }

    @Test
    void toEventGridJson_ofACloudEvent_isWhatAFunctionReceives() {
        var json = single(VALID, SINGLE).toEventGridJson();

        assertThat(json.path("topic").asText()).isEqualTo("/contoso/orders");
        assertThat(json.path("eventType").asText()).isEqualTo("com.contoso.order.placed");
        assertThat(json.path("eventTime").asText()).isEqualTo("2026-11-21T18:41:00Z");
        assertThat(json.path("dataVersion").asText()).isEmpty();
        assertThat(json.path("metadataVersion").asText()).isEqualTo("1");
    }
}
