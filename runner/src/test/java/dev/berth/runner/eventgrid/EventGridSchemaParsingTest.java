package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.ParseOutcome.Accepted;
import dev.berth.runner.eventgrid.ParseOutcome.Failure;
import dev.berth.runner.eventgrid.ParseOutcome.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/// Publishing in the Event Grid schema: a JSON array; every field problem named by event index, field and fix.
class EventGridSchemaParsingTest {
    static final String VALID = """
            {"id": "1", "subject": "/orders/1", "eventType": "Contoso.Orders.OrderPlaced",
             "eventTime": "2026-11-21T18:41:00.9584103Z", "data": {"total": 42}, "dataVersion": "1.0"}""";

    private final EventParser parser = new EventParser(EventLimits.AZURE, new MutableClock());

    static ParseOutcome parse(EventParser parser, String body, String contentType) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static Rejected rejected(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(Rejected.class);
        return (Rejected) outcome;
    }

    @Test
    void parse_validBatch_acceptsEveryEventWithItsFields() {
        var outcome = parse(parser, "[" + VALID + "," + VALID.replace("\"1\"", "\"2\"") + "]", "application/json");

        assertThat(outcome).isInstanceOf(Accepted.class);
        var accepted = (Accepted) outcome;
        assertThat(accepted.schema()).isEqualTo(EventSchema.EVENT_GRID);
        assertThat(accepted.events()).extracting(Event::id).containsExactly("1", "2");
        var event = accepted.events().getFirst();
        assertThat(event.subject()).isEqualTo("/orders/1");
        assertThat(event.eventType()).isEqualTo("Contoso.Orders.OrderPlaced");
        assertThat(event.eventTime()).isEqualTo("2026-11-21T18:41:00.9584103Z");
        assertThat(event.data().path("total").asInt()).isEqualTo(42);
        assertThat(event.dataVersion()).isEqualTo("1.0");
        assertThat(event.topic()).isEmpty();
    }

    @Test
    void parse_noContentType_readsTheEventGridSchema() {
        assertThat(parse(parser, "[" + VALID + "]", null)).isInstanceOf(Accepted.class);
    }

    @Test
    void parse_optionalTopicAndMetadataVersion_areAccepted() {
        var body = "[" + VALID.replace("{\"id\"", "{\"topic\": \"/my/topic\", \"metadataVersion\": \"1\", \"id\"") + "]";

        var event = ((Accepted) parse(parser, body, "application/json; charset=utf-8")).events().getFirst();

        assertThat(event.topic()).isEqualTo("/my/topic");
    }

    @Test
    void parse_nullDataAndEmptyDataVersion_areAccepted() {
        var body = "[" + VALID.replace("{\"total\": 42}", "null").replace("\"1.0\"", "\"\"") + "]";

        var event = ((Accepted) parse(parser, body, "application/json")).events().getFirst();

        assertThat(event.data().isNull()).isTrue();
        assertThat(event.dataVersion()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id missing              | "id": "1",                      |                                  | events[1].id: missing. Fix: add "id": a unique id
            id empty                | "id": "1"                       | "id": " "                        | events[1].id: is empty. Fix: set "id" to a unique id
            id a number             | "id": "1"                       | "id": 1                          | events[1].id: must be a string, not the number 1. Fix: write it in double quotes
            subject missing         | "subject": "/orders/1",         |                                  | events[1].subject: missing. Fix: add "subject": the path of what the event is about
            eventType missing       | "eventType": "Contoso.Orders.OrderPlaced", |                       | events[1].eventType: missing. Fix: add "eventType": the kind of event
            eventType an object     | "eventType": "Contoso.Orders.OrderPlaced"  | "eventType": {}       | events[1].eventType: must be a string, not an object.
            eventTime missing       | "eventTime": "2026-11-21T18:41:00.9584103Z", |                     | events[1].eventTime: missing. Fix: add "eventTime": when it happened
            eventTime not a time    | "2026-11-21T18:41:00.9584103Z"  | "yesterday"                      | events[1].eventTime: "yesterday" is not an ISO 8601 date and time. Fix: write it like
            data missing            | "data": {"total": 42},          |                                  | events[1].data: missing. Fix: add "data": the event's payload
            dataVersion missing     | , "dataVersion": "1.0"          |                                  | events[1].dataVersion: missing. Fix: add "dataVersion": the version of the data's schema
            dataVersion a number    | "dataVersion": "1.0"            | "dataVersion": 1.0               | events[1].dataVersion: must be a string, not the number 1.0.
            topic a number          | "id": "1"                       | "topic": 5, "id": "1"            | events[1].topic: must be a string, not the number 5. Fix: put the value in double quotes, or leave the field out.
            metadataVersion 2       | "id": "1"                       | "metadataVersion": "2", "id": "1" | events[1].metadataVersion: "2" is not a metadata version Event Grid knows. Fix: leave the field out, or set it to "1".
            """)
    void parse_invalidField_namesEventFieldAndFix(String name, String replace, String with, String message) {
        var broken = VALID.replace(replace, with == null ? "" : with);
        var rejected = rejected(parse(parser, "[" + VALID + "," + broken + "]", "application/json"));

        assertThat(rejected.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(rejected.summary()).contains("1 problem(s)").contains("none was published");
        assertThat(rejected.problems()).singleElement().asString().startsWith(message);
    }

    @Test
    void parse_severalBrokenEvents_listsEveryProblem() {
        var body = "[" + VALID.replace("\"id\": \"1\",", "") + ", 7, " + VALID.replace("\"eventType\": \"Contoso.Orders.OrderPlaced\",", "") + "]";

        var rejected = rejected(parse(parser, body, "application/json"));

        assertThat(rejected.problems()).containsExactly(
                "events[0].id: missing. Fix: add \"id\": a unique id for the event, e.g. a GUID.",
                "events[1]: must be a JSON object, not the number 7. Fix: write each event as { … }.",
                "events[2].eventType: missing. Fix: add \"eventType\": the kind of event, e.g. \"Contoso.Orders.OrderPlaced\".");
        assertThat(rejected.describe()).contains("3 problem(s)").contains("events[2].eventType");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            single object        | VALID                | The Event Grid schema takes a JSON array of events, not a single object. Fix: wrap the event in [ ]
            empty list           | []                   | The list of events is empty. Fix: put at least one event into it.
            not json             | [{"id": ]            | The body is not valid JSON (line 1, column 9)
            trailing garbage     | [] []                | The body is not valid JSON
            a string             | "hello"              | The body must be a JSON array of events, not the text "hello". Fix: send a JSON array
            empty body           | ''                   | The body is empty. Fix: send a JSON array of events.
            """)
    void parse_malformedBody_isRejectedAsAWhole(String name, String body, String message) {
        var rejected = rejected(parse(parser, body.equals("VALID") ? VALID : body, "application/json"));

        assertThat(rejected.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(rejected.summary()).startsWith(message);
        assertThat(rejected.problems()).isEmpty();
    }

    @Test
    void parse_unknownContentType_isUnsupportedMediaTypeNamingTheAcceptedOnes() {
        var rejected = rejected(parse(parser, "[" + VALID + "]", "text/plain"));

        assertThat(rejected.failure()).isEqualTo(Failure.UNSUPPORTED_MEDIA_TYPE);
        assertThat(rejected.failure().status()).isEqualTo(415);
        assertThat(rejected.summary()).contains("'text/plain'").contains("application/json")
                .contains("application/cloudevents+json").contains("application/cloudevents-batch+json");
    }

    @Test
    void toEventGridJson_hasEveryFieldOfTheSchema() {
        var event = ((Accepted) parse(parser, "[" + VALID + "]", "application/json")).events().getFirst()
                .withTopicIfAbsent("/topics/orders");

        var json = event.toEventGridJson();

        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id", "topic", "subject", "eventType", "eventTime", "data",
                "dataVersion", "metadataVersion");
        assertThat(json.path("topic").asText()).isEqualTo("/topics/orders");
        assertThat(json.path("metadataVersion").asText()).isEqualTo("1");
        assertThat(json.path("data").path("total").asInt()).isEqualTo(42);
    }
}
