package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.ParseOutcome.Accepted;
import dev.berth.runner.eventgrid.ParseOutcome.Failure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.berth.runner.eventgrid.EventGridSchemaParsingTest.VALID;
import static dev.berth.runner.eventgrid.EventGridSchemaParsingTest.parse;
import static dev.berth.runner.eventgrid.EventGridSchemaParsingTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/// Azure's size limits: 1 MB per event and 1 MB per publish request.
class EventGridLimitsTest {
    private static final int MB = 1024 * 1024;

    private static String withPayload(int chars) {
        return VALID.replace("{\"total\": 42}", "\"" + "x".repeat(chars) + "\"");
    }

    @Test
    void azureLimits_areOneMegabyteEach() {
        assertThat(EventLimits.AZURE.maxEventBytes()).isEqualTo(MB);
        assertThat(EventLimits.AZURE.maxBatchBytes()).isEqualTo(MB);
    }

    @Test
    void parse_batchJustUnderOneMegabyte_isAccepted() {
        var parser = new EventParser(EventLimits.AZURE, new MutableClock());
        var body = "[" + withPayload(1) + "]";
        body = "[" + withPayload(MB - body.length() + 1) + "]";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MB);

        assertThat(parse(parser, body, "application/json")).isInstanceOf(Accepted.class);
    }

    @Test
    void parse_batchOverOneMegabyte_isTooLargeWithTheLimitAndAFix() {
        var parser = new EventParser(EventLimits.AZURE, new MutableClock());
        var body = "[" + withPayload(MB) + "]";

        var rejected = rejected(parse(parser, body, "application/json"));

        assertThat(rejected.failure()).isEqualTo(Failure.TOO_LARGE);
        assertThat(rejected.failure().status()).isEqualTo(413);
        assertThat(rejected.summary()).isEqualTo("The request body is " + body.length() + " bytes; a publish request may "
                + "carry at most 1 MB. Fix: send the events in several smaller requests.");
    }

    @Test
    void parse_oneEventOverTheEventLimit_isTooLargeNamingTheEvent() {
        var parser = new EventParser(new EventLimits(1024, 64 * 1024), new MutableClock());
        var body = "[" + withPayload(10) + "," + withPayload(2000) + "]";

        var rejected = rejected(parse(parser, body, "application/json"));

        assertThat(rejected.failure()).isEqualTo(Failure.TOO_LARGE);
        assertThat(rejected.summary()).isEqualTo("1 of 2 event(s) exceed 1 KB.");
        assertThat(rejected.problems()).singleElement().asString()
                .matches("events\\[1]: is \\d+ bytes; an event may be at most 1 KB\\. Fix: put large payloads into a blob and send its URL\\.");
    }

    @Test
    void parse_cloudEventOverTheEventLimit_isTooLarge() {
        var parser = new EventParser(new EventLimits(256, 64 * 1024), new MutableClock());
        var body = EventGridCloudEventsParsingTest.VALID.replace("{\"total\": 42}", "\"" + "y".repeat(300) + "\"");

        var rejected = rejected(parse(parser, body, EventGridCloudEventsParsingTest.SINGLE));

        assertThat(rejected.problems()).singleElement().asString().startsWith("event: is ");
    }

    @Test
    void describe_namesUnits() {
        assertThat(EventLimits.describe(MB)).isEqualTo("1 MB");
        assertThat(EventLimits.describe(64 * 1024)).isEqualTo("64 KB");
        assertThat(EventLimits.describe(1000)).isEqualTo("1000 bytes");
    }
}
