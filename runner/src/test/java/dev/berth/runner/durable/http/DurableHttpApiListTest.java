package dev.berth.runner.durable.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.durable.RuntimeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// `GET instances`: Azure's filters (runtimeStatus, createdTimeFrom/To, instanceIdPrefix, top, showInput) and
/// paging with the `x-ms-continuation-token` header; every bad value is a 400 that names it.
class DurableHttpApiListTest {
    private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

    private DurableApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new DurableApiServer(new FakeDurableControl());
        api.control.put("order-1", "Chain", RuntimeStatus.COMPLETED, DAY.plusSeconds(3600), "1", "\"done\"");
        api.control.put("order-2", "Chain", RuntimeStatus.FAILED, DAY.plusSeconds(7200), "2", null);
        api.control.put("order-3", "FanOut", RuntimeStatus.RUNNING, DAY.plusSeconds(86_400 + 60), "3", null);
        api.control.put("batch-1", "FanOut", RuntimeStatus.RUNNING, DAY.plusSeconds(2 * 86_400), "4", null);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void list_noFilter_answersEveryInstanceNewestFirstWithoutInputs() throws Exception {
        var answer = api.get("instances");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer.json())).containsExactly("batch-1", "order-3", "order-2", "order-1");
        assertThat(answer.json().get(0).path("input").isNull()).isTrue();
        assertThat(answer.json().get(0).path("runtimeStatus").asText()).isEqualTo("Running");
        assertThat(answer.headers().firstValue(DurableHttpApi.CONTINUATION)).isEmpty();
    }

    @Test
    void list_showInput_includesInputs() throws Exception {
        var answer = api.get("instances?showInput=true&instanceIdPrefix=order-1");

        assertThat(answer.json().get(0).path("input").asInt()).isEqualTo(1);
        assertThat(answer.json().get(0).path("output").asText()).isEqualTo("done");
    }

    @Test
    void list_runtimeStatusCommaList_answersOnlyThose() throws Exception {
        assertThat(ids(api.get("instances?runtimeStatus=Completed,failed").json())).containsExactly("order-2", "order-1");
    }

    @Test
    void list_createdTimeRangeAndPrefix_narrowTheList() throws Exception {
        var answer = api.get("instances?createdTimeFrom=2024-05-01T01:30:00Z&createdTimeTo=2024-05-02T12:00:00Z"
                + "&instanceIdPrefix=order");

        assertThat(ids(answer.json())).containsExactly("order-3", "order-2");
    }

    @Test
    void list_dateOnlyAndOffsetTimes_areAccepted() throws Exception {
        assertThat(ids(api.get("instances?createdTimeFrom=2024-05-02").json())).containsExactly("batch-1", "order-3");
        assertThat(ids(api.get("instances?createdTimeTo=2024-05-01T03:30:00%2B02:00").json())).containsExactly("order-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"createdTimeFrom=yesterday", "createdTimeTo=2024-13-01T00:00:00Z", "createdTimeFrom=1714521600"})
    void list_badDate_answers400NamingTheParameterAndFormat(String query) throws Exception {
        var answer = api.get("instances?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains(query.substring(0, query.indexOf('='))).contains("ISO 8601");
    }

    @Test
    void list_fromNotBeforeTo_answers400() throws Exception {
        var answer = api.get("instances?createdTimeFrom=2024-05-02&createdTimeTo=2024-05-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("is not before createdTimeTo");
    }

    @Test
    void list_unknownRuntimeStatus_answers400ListingTheKnownOnes() throws Exception {
        var answer = api.get("instances?runtimeStatus=Running,Sleeping");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("'Sleeping'").contains("Completed").contains("runtimeStatus=Running,Failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "many", "1001"})
    void list_badTop_answers400(String top) throws Exception {
        var answer = api.get("instances?top=" + top);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("top='" + top + "'").contains("1 to 1000");
    }

    @Test
    void list_topWithContinuation_pagesThroughEveryInstanceOnce() throws Exception {
        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            var answer = token == null ? api.get("instances?top=3")
                    : api.get("instances?top=3", DurableHttpApi.CONTINUATION, token);
            assertThat(answer.status()).isEqualTo(200);
            seen.addAll(ids(answer.json()));
            token = answer.headers().firstValue(DurableHttpApi.CONTINUATION).orElse(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("batch-1", "order-3", "order-2", "order-1");
    }

    @Test
    void list_unknownContinuationToken_answers400SayingStartOver() throws Exception {
        var answer = api.get("instances", DurableHttpApi.CONTINUATION, "garbage");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("garbage").contains("without " + DurableHttpApi.CONTINUATION);
    }

    @Test
    void list_otherTaskHub_isEmpty() throws Exception {
        assertThat(api.get("instances?taskHub=other").json()).isEmpty();
    }

    private static List<String> ids(JsonNode array) {
        return array.findValuesAsText("instanceId");
    }
}
