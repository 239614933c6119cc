package dev.berth.runner.durable.http;

import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.InstanceInfo;
import dev.berth.runner.durable.RuntimeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/// `GET instances/{id}`: Azure's status codes per runtime status, its fields, payloads as JSON values, and
/// `historyEvents` folded as Azure folds them.
class DurableHttpApiStatusTest {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00.123456Z");

    private DurableApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new DurableApiServer(new FakeDurableControl("Chain"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void status_completedInstance_answers200WithAzureFieldsAndPayloadsAsJson() throws Exception {
        api.control.put(new InstanceInfo("default", "i1", "e1", "Chain", RuntimeStatus.COMPLETED, T0, T0.plusSeconds(3),
                Optional.empty(), "{\"city\":\"Tokyo\"}", "[\"Hello Tokyo!\"]", "{\"step\":2}", Optional.empty(),
                Optional.empty()));

        var answer = api.get("instances/i1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        var body = answer.json();
        assertThat(body.path("name").asText()).isEqualTo("Chain");
        assertThat(body.path("instanceId").asText()).isEqualTo("i1");
        assertThat(body.path("runtimeStatus").asText()).isEqualTo("Completed");
        assertThat(body.path("input").path("city").asText()).isEqualTo("Tokyo");
        assertThat(body.path("output").get(0).asText()).isEqualTo("Hello Tokyo!");
        assertThat(body.path("customStatus").path("step").asInt()).isEqualTo(2);
        assertThat(body.path("createdTime").asText()).isEqualTo("2024-05-01T09:00:00Z");
        assertThat(body.path("lastUpdatedTime").asText()).isEqualTo("2024-05-01T09:00:03Z");
        assertThat(body.has("historyEvents")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"PENDING,202", "RUNNING,202", "SUSPENDED,202", "CONTINUED_AS_NEW,202", "COMPLETED,200", "FAILED,200",
            "TERMINATED,200", "CANCELED,200"})
    void status_eachRuntimeStatus_answersAzuresCode(RuntimeStatus status, int code) throws Exception {
        api.control.put("i1", "Chain", status, T0, null, null);

        assertThat(api.get("instances/i1").status()).isEqualTo(code);
    }

    @Test
    void status_running_pointsLocationAtItselfWithRetryAfter() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.RUNNING, T0, null, null);

        var answer = api.get("instances/i1?showHistory=true");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location")).contains(api.base() + ManagementUrls.PREFIX
                + "instances/i1?showHistory=true");
        assertThat(answer.headers().firstValue("Retry-After")).contains("10");
    }

    @Test
    void status_failedWithReturnInternalServerErrorOnFailure_answers500WithTheFailureAsOutput() throws Exception {
        api.control.put(new InstanceInfo("default", "i1", "e1", "Chain", RuntimeStatus.FAILED, T0, T0, Optional.empty(),
                null, null, null, Optional.of(new Failure("IllegalStateException", "no city", "")), Optional.empty()));

        var answer = api.get("instances/i1?returnInternalServerErrorOnFailure=true");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().path("output").asText()).isEqualTo("IllegalStateException: no city");
    }

    @Test
    void status_unknownId_answers404NamingTheIdAndTheFix() throws Exception {
        var answer = api.get("instances/nope");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).contains("'nope'").contains("Fix:").contains("berth durable list");
    }

    @Test
    void status_showInputFalse_leavesInputNull() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.RUNNING, T0, "\"Tokyo\"", null);

        assertThat(api.get("instances/i1").json().path("input").asText()).isEqualTo("Tokyo");
        assertThat(api.get("instances/i1?showInput=false").json().path("input").isNull()).isTrue();
    }

    @Test
    void status_badBoolean_answers400NamingTheParameter() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.RUNNING, T0, null, null);

        var answer = api.get("instances/i1?showHistory=yes");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("showHistory='yes'").contains("showHistory=true");
    }

    @Test
    void status_showHistory_foldsSchedulingIntoCompletionsAndDropsReplayMarkers() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.RUNNING, T0, null, null);
        api.control.history("i1", chainHistory());

        var events = api.get("instances/i1?showHistory=true").json().path("historyEvents");

        assertThat(events.findValuesAsText("EventType")).containsExactly("ExecutionStarted", "TaskCompleted",
                "TaskFailed", "TaskScheduled", "TimerCreated", "EventRaised", "SubOrchestrationInstanceCompleted");
        assertThat(events.get(0).path("FunctionName").asText()).isEqualTo("Chain");
        var completed = events.get(1);
        assertThat(completed.path("FunctionName").asText()).isEqualTo("SayHello");
        assertThat(completed.path("ScheduledTime").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(completed.path("Timestamp").asText()).isEqualTo(T0.plusSeconds(2).toString());
        assertThat(completed.has("Result")).isFalse();
        var failed = events.get(2);
        assertThat(failed.path("FunctionName").asText()).isEqualTo("Charge");
        assertThat(failed.path("Reason").asText()).isEqualTo("IllegalStateException: card declined");
        assertThat(failed.path("FailureDetails").path("StackTrace").asText()).contains("Charge.java:9");
        assertThat(events.get(3).path("FunctionName").asText()).isEqualTo("SayHello"); // still in flight
        assertThat(events.get(4).path("FireAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(events.get(5).path("Name").asText()).isEqualTo("approval");
        assertThat(events.get(5).path("Input").path("ok").asBoolean()).isTrue();
        assertThat(events.get(6).path("FunctionName").asText()).isEqualTo("Child");
        assertThat(events.get(6).path("InstanceId").asText()).isEqualTo("i1:child");
    }

    @Test
    void status_showHistoryOutput_addsResultsAsJson() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.RUNNING, T0, null, null);
        api.control.history("i1", chainHistory());

        var events = api.get("instances/i1?showHistory=true&showHistoryOutput=true").json().path("historyEvents");

        assertThat(events.get(1).path("Result").asText()).isEqualTo("Hello Tokyo!");
        assertThat(events.get(6).path("Result").path("n").asInt()).isEqualTo(3);
    }

    @Test
    void status_completedHistory_endsWithExecutionCompletedAndItsStatus() throws Exception {
        api.control.put("i1", "Chain", RuntimeStatus.COMPLETED, T0, null, "42");
        api.control.history("i1", List.of(item(0, -1, HistoryKind.EXECUTION_STARTED, "Chain", -1, null),
                new HistoryItem(1, -1, HistoryKind.EXECUTION_COMPLETED, T0.plusSeconds(9), null, -1, "42",
                        Optional.empty(), Optional.empty(), null, Optional.of(RuntimeStatus.COMPLETED))));

        var last = api.get("instances/i1?showHistory=true&showHistoryOutput=true").json().path("historyEvents").get(1);

        assertThat(last.path("EventType").asText()).isEqualTo("ExecutionCompleted");
        assertThat(last.path("OrchestrationStatus").asText()).isEqualTo("Completed");
        assertThat(last.path("Result").asInt()).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 42", "a/b", "a+b", "über-1", "50%", "x?y#z"})
    void status_percentEncodedId_findsThatInstance(String id) throws Exception {
        api.control.put(id, "Chain", RuntimeStatus.COMPLETED, T0, null, null);

        var answer = api.get("instances/" + ManagementUrls.encode(id));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("instanceId").asText()).isEqualTo(id);
    }

    @Test
    void status_taskHubParameter_readsThatHubOnly() throws Exception {
        api.control.put(new InstanceInfo("other", "i1", "e1", "Chain", RuntimeStatus.COMPLETED, T0, T0, Optional.empty(),
                null, "1", null, Optional.empty(), Optional.empty()));

        assertThat(api.get("instances/i1").status()).isEqualTo(404);
        var answer = api.get("instances/i1?taskHub=other");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("output").asInt()).isEqualTo(1);
    }

    private static List<HistoryItem> chainHistory() {
        var declined = new Failure("IllegalStateException", "card declined", "at Charge.run(Charge.java:9)");
        return List.of(
                item(0, -1, HistoryKind.ORCHESTRATOR_STARTED, null, -1, null),
                item(0, -1, HistoryKind.EXECUTION_STARTED, "Chain", -1, "\"Tokyo\""),
                item(1, 0, HistoryKind.TASK_SCHEDULED, "SayHello", -1, "\"Tokyo\""),
                item(1, 1, HistoryKind.TASK_SCHEDULED, "Charge", -1, "{}"),
                item(1, -1, HistoryKind.ORCHESTRATOR_COMPLETED, null, -1, null),
                item(2, -1, HistoryKind.TASK_COMPLETED, null, 0, "\"Hello Tokyo!\""),
                new HistoryItem(6, -1, HistoryKind.TASK_FAILED, T0.plusSeconds(2), null, 1, null, Optional.of(declined),
                        Optional.empty(), null, Optional.empty()),
                item(3, 2, HistoryKind.TASK_SCHEDULED, "SayHello", -1, "\"Seattle\""),
                new HistoryItem(8, 3, HistoryKind.TIMER_CREATED, T0.plusSeconds(3), null, -1, null, Optional.empty(),
                        Optional.of(Instant.parse("2024-05-01T10:00:00Z")), null, Optional.empty()),
                item(4, -1, HistoryKind.EVENT_RAISED, "approval", -1, "{\"ok\":true}"),
                new HistoryItem(10, 4, HistoryKind.SUB_ORCHESTRATION_CREATED, T0.plusSeconds(4), "Child", -1, "{}",
                        Optional.empty(), Optional.empty(), "i1:child", Optional.empty()),
                item(5, -1, HistoryKind.SUB_ORCHESTRATION_COMPLETED, null, 4, "{\"n\":3}"));
    }

    /// An event `seconds` after T0 (also its sequence number, which the mapping does not read).
    private static HistoryItem item(int seconds, int eventId, HistoryKind kind, String name, int taskId, String data) {
        return new HistoryItem(seconds, eventId, kind, T0.plusSeconds(seconds), name, taskId, data, Optional.empty(),
                Optional.empty(), null, Optional.empty());
    }
}
