package dev.berth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.RuntimeStatus;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth durable list|status|start` against a stand-in session serving the real management API: what they
/// print, what they send, and their exit codes (0 done, 1 refused or not found, 2 usage).
class DurableCommandTest extends DurableCliFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void list_instances_printsAnAlignedTable() {
        session.put("approval-7", "Approval", RuntimeStatus.RUNNING, null, null);
        session.put("c1", "Chain", RuntimeStatus.COMPLETED, null, "1");

        assertThat(berth("list", project.toString())).as(cli.err()).isZero();

        assertThat(cli.out()).isEqualTo("""
                INSTANCE    NAME      STATUS     CREATED               UPDATED
                approval-7  Approval  Running    2024-05-01 09:00:00Z  2024-05-01 09:00:01Z
                c1          Chain     Completed  2024-05-01 09:00:00Z  2024-05-01 09:00:01Z
                """);
    }

    @Test
    void list_statusAndPrefix_narrowTheList() {
        session.put("a-1", "Chain", RuntimeStatus.RUNNING, null, null);
        session.put("a-2", "Chain", RuntimeStatus.FAILED, null, null);
        session.put("b-1", "Chain", RuntimeStatus.FAILED, null, null);

        assertThat(berth("list", project.toString(), "--status", "failed,Terminated", "--prefix", "a-")).isZero();

        assertThat(cli.out()).contains("a-2").doesNotContain("a-1").doesNotContain("b-1");
    }

    @Test
    void list_moreThanAPage_followsTheContinuationAndSaysWhenMoreMatch() {
        for (int i = 0; i < 130; i++) session.put("i%03d".formatted(i), "Chain", RuntimeStatus.COMPLETED, null, null);

        assertThat(berth("list", project.toString(), "--top", "120")).isZero();

        var lines = cli.out().lines().toList();
        assertThat(lines).hasSize(1 + 120 + 1);
        assertThat(lines.get(120)).startsWith("i119 ");
        assertThat(lines.getLast()).contains("more instances match");
    }

    @Test
    void list_json_printsOneArrayWithInputs() throws Exception {
        session.put("c1", "Chain", RuntimeStatus.COMPLETED, "{\"city\":\"Tokyo\"}", null);

        assertThat(berth("list", project.toString(), "--json")).isZero();

        var array = JSON.readTree(cli.out());
        assertThat(array).hasSize(1);
        assertThat(array.get(0).path("input").path("city").asText()).isEqualTo("Tokyo");
    }

    @Test
    void list_none_saysHowToStartOne() {
        assertThat(berth("list", project.toString())).isZero();

        assertThat(cli.out()).contains("No orchestration instances in").contains("berth durable start");
    }

    @Test
    void list_misspeltStatus_exitsTwoNamingTheKnownOnes() {
        assertThat(berth("list", project.toString(), "--status", "Runing")).isEqualTo(2);

        assertThat(cli.err()).contains("--status").contains("'Runing'").contains("Running");
    }

    @Test
    void list_noRunningSession_namesTheFolderAndTheFixAndExitsTwo() throws Exception {
        Files.delete(project.resolve(".berth/run.json"));

        assertThat(berth("list", project.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("No running session serves " + project).contains("berth run " + project)
                .doesNotContain("\tat ");
    }

    @Test
    void list_port_reachesTheSessionWithoutARunFile() throws Exception {
        Files.delete(project.resolve(".berth/run.json"));
        session.put("c1", "Chain", RuntimeStatus.COMPLETED, null, null);

        assertThat(berth("list", project.toString(), "--port", Integer.toString(session.port()))).isZero();

        assertThat(cli.out()).contains("c1");
    }

    @Test
    void list_sessionGone_saysNothingAnswersAndExitsTwo() throws Exception {
        int free;
        try (var socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }

        assertThat(berth("list", project.toString(), "--port", Integer.toString(free))).isEqualTo(2);

        assertThat(cli.err()).contains("Nothing answers at http://127.0.0.1:" + free).contains("berth run");
    }

    @Test
    void status_printsLabelledLinesWithPayloadsAsJson() {
        session.put("c1", "Chain", RuntimeStatus.COMPLETED, "{\"city\":\"Tokyo\"}", "[\"Hello Tokyo!\"]");

        assertThat(berth("status", project.toString(), "c1")).isZero();

        assertThat(cli.out()).isEqualTo("""
                Instance  c1
                Name      Chain
                Status    Completed
                Created   2024-05-01 09:00:00Z
                Updated   2024-05-01 09:00:01Z
                Input     {"city":"Tokyo"}
                Output    ["Hello Tokyo!"]
                """);
    }

    @Test
    void status_history_printsTheEventsAsATable() {
        session.put("c1", "Chain", RuntimeStatus.RUNNING, null, null);
        session.history("c1", List.of(
                event(HistoryKind.EXECUTION_STARTED, 0, -1, "Chain", -1, null, null),
                event(HistoryKind.TASK_SCHEDULED, 1, 0, "SayHello", -1, "\"Tokyo\"", null),
                event(HistoryKind.TASK_COMPLETED, 2, -1, null, 0, "\"Hello Tokyo!\"", null),
                event(HistoryKind.TASK_SCHEDULED, 3, 1, "Charge", -1, "{}", null),
                event(HistoryKind.TASK_FAILED, 4, -1, null, 1, null, new Failure("IllegalStateException", "declined", ""))));

        assertThat(berth("status", project.toString(), "c1", "--history")).isZero();

        assertThat(cli.out()).contains("""
                History (3 events)
                  TIME                      EVENT             NAME      DETAIL
                  2024-05-01 09:00:00.000Z  ExecutionStarted  Chain
                  2024-05-01 09:00:02.000Z  TaskCompleted     SayHello  "Hello Tokyo!"
                  2024-05-01 09:00:04.000Z  TaskFailed        Charge    IllegalStateException: declined
                """);
    }

    @Test
    void status_json_printsTheApisAnswer() throws Exception {
        session.put("c1", "Chain", RuntimeStatus.RUNNING, null, null);

        assertThat(berth("status", project.toString(), "c1", "--json")).isZero();

        assertThat(JSON.readTree(cli.out()).path("runtimeStatus").asText()).isEqualTo("Running");
    }

    @Test
    void status_idWithSpaceAndSlash_reachesThatInstance() {
        session.put("order 1/2", "Chain", RuntimeStatus.COMPLETED, null, null);

        assertThat(berth("status", project.toString(), "order 1/2")).as(cli.err()).isZero();

        assertThat(cli.out()).contains("Instance  order 1/2");
    }

    @Test
    void status_unknownId_exitsOneWithTheApisMessage() {
        assertThat(berth("status", project.toString(), "ghost")).isEqualTo(1);

        assertThat(cli.err()).contains("No orchestration instance 'ghost'").contains("Fix:");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void start_printsTheNewIdAndHowToFollowIt() {
        assertThat(berth("start", project.toString(), "Chain", "--input", "{\"city\": \"Tokyo\"}")).as(cli.err()).isZero();

        assertThat(session.calls).containsExactly("start Chain new-1 {\"city\": \"Tokyo\"}");
        assertThat(cli.out()).startsWith("Started Chain as instance new-1.")
                .contains("berth durable status " + project + " new-1 --history")
                .contains("/runtime/webhooks/durabletask/instances/new-1");
    }

    @Test
    void start_idAndInputFromFile_sendsBoth() throws Exception {
        var file = Files.writeString(project.resolve("input.json"), "[1, 2, 3]\n");

        assertThat(berth("start", project.toString(), "Chain", "--id", "my run", "--input", "@" + file)).isZero();

        assertThat(session.calls).containsExactly("start Chain my run [1, 2, 3]");
    }

    @Test
    void start_json_printsTheManagementPayload() throws Exception {
        assertThat(berth("start", project.toString(), "Approval", "--id", "a1", "--json")).isZero();

        var payload = JSON.readTree(cli.out());
        assertThat(payload.path("id").asText()).isEqualTo("a1");
        assertThat(payload.path("sendEventPostUri").asText()).endsWith("/instances/a1/raiseEvent/{eventName}");
    }

    @Test
    void start_malformedInput_exitsTwoSayingWhereAndSendsNothing() {
        assertThat(berth("start", project.toString(), "Chain", "--input", "{city: Tokyo}")).isEqualTo(2);

        assertThat(cli.err()).contains("--input is not valid JSON").contains("line 1, column 2").contains("@file");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void start_missingInputFile_exitsTwoNamingTheFile() {
        assertThat(berth("start", project.toString(), "Chain", "--input", "@nope.json")).isEqualTo(2);

        assertThat(cli.err()).contains("--input: File nope.json does not exist");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void start_unknownOrchestration_exitsTwoListingTheDeclaredOnes() {
        assertThat(berth("start", project.toString(), "Chian")).isEqualTo(2);

        assertThat(cli.err()).contains("No orchestration 'Chian'").contains("Chain, Approval");
    }

    @Test
    void start_idStillRunning_exitsOne() {
        session.put("a1", "Approval", RuntimeStatus.RUNNING, null, null);

        assertThat(berth("start", project.toString(), "Approval", "--id", "a1")).isEqualTo(1);

        assertThat(cli.err()).contains("still running");
    }

    @Test
    void help_listsEverySubcommand() {
        assertThat(berth("--help")).isZero();

        assertThat(cli.out()).contains("list", "status", "start", "raise", "terminate", "suspend", "resume", "rewind",
                "purge");
    }

    private static HistoryItem event(HistoryKind kind, int second, int eventId, String name, int taskId, String data,
                                     Failure failure) {
        return new HistoryItem(second, eventId, kind, DurableSessionStub.T0.plusSeconds(second), name, taskId, data,
                Optional.ofNullable(failure), Optional.empty(), null, Optional.empty());
    }
}
