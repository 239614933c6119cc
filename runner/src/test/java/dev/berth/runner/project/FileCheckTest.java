package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// The one-file checks the editor runs while a function.json or host.json is edited.
class FileCheckTest {
    @TempDir Path tmp;

    @Test
    void checkFunctionJson_validHttpFunction_hasNoProblems() {
        assertThat(ProjectLoader.checkFunctionJson("hello", ProjectFixture.HELLO)).isEmpty();
    }

    @Test
    void checkFunctionJson_fiveFieldCron_isAnErrorAtTheScheduleLine() {
        var problems = ProjectLoader.checkFunctionJson("tick", """
                {
                  "bindings": [
                    {"type": "timerTrigger", "direction": "in", "name": "timer",
                     "schedule": "*/5 * * * *"}
                  ]
                }""");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("bindings[0].schedule");
            assertThat(p.severity()).isEqualTo(ProjectProblem.Severity.ERROR);
            assertThat(p.file()).isEqualTo(Path.of("tick", "function.json"));
        });
    }

    @Test
    void checkFunctionJson_unknownTypeAndBadAuthLevel_areReportedAtTheirLines() {
        var unknown = ProjectLoader.checkFunctionJson("hello", """
                {
                  "bindings": [
                    {"type": "httpTriger", "direction": "in", "name": "req"}
                  ]
                }""");
        var auth = ProjectLoader.checkFunctionJson("hello", """
                {
                  "bindings": [
                    {"type": "httpTrigger", "direction": "in", "name": "req",
                     "authLevel": "superuser"}
                  ]
                }""");

        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("unknown binding type \"httpTriger\"");
        });
        assertThat(auth).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("not a valid authLevel");
        });
    }

    @Test
    void checkFunctionJson_queueAndBlobBindingsWithoutTheirTarget_nameTheMissingProperty() {
        var problems = ProjectLoader.checkFunctionJson("process", """
                {
                  "bindings": [
                    {"type": "queueTrigger", "direction": "in", "name": "msg"},
                    {"type": "blob", "direction": "out", "name": "out"}
                  ]
                }""");

        assertThat(problems).extracting(ProjectProblem::line).containsExactly(3, 4);
        assertThat(problems.get(0).message()).contains("queueTrigger binding needs \"queueName\"");
        assertThat(problems.get(0).fix()).contains("\"orders\"");
        assertThat(problems.get(1).message()).contains("blob binding needs \"path\"");
    }

    @Test
    void checkFunctionJson_queueNameAzureRejects_isAnErrorWithTheRule() {
        var problems = ProjectLoader.checkFunctionJson("process", """
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "My_Orders"}]}""");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("bindings[0].queueName");
            assertThat(p.message()).contains("lowercase");
        });
    }

    @Test
    void checkFunctionJson_queueNameFromASetting_isAccepted() {
        assertThat(ProjectLoader.checkFunctionJson("process", """
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "%QUEUE%"}]}"""))
                .isEmpty();
    }

    @Test
    void checkFunctionJson_twoTriggers_isAnError() {
        var problems = ProjectLoader.checkFunctionJson("hello", """
                {
                  "bindings": [
                    {"type": "httpTrigger", "direction": "in", "name": "req"},
                    {"type": "eventGridTrigger", "direction": "in", "name": "event"}
                  ]
                }""");

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("2 triggers"));
    }

    @Test
    void checkFunctionJson_syntaxError_isOneProblemWithItsLine() {
        var problems = ProjectLoader.checkFunctionJson("hello", "{\n  \"bindings\": [\n}");

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void checkHostJson_badVersionTimeoutAndQueueRange_areEachReported() {
        var problems = ProjectLoader.checkHostJson("""
                {
                  "version": "3.0",
                  "functionTimeout": "5 minutes",
                  "extensions": {"queues": {"batchSize": 64}}
                }""");

        assertThat(problems).extracting(ProjectProblem::line).containsExactly(2, 3, 4);
        assertThat(problems.get(0).fix()).contains("\"2.0\"");
        assertThat(problems.get(1).message()).contains("not a time span");
        assertThat(problems.get(2).message()).containsIgnoringCase("batchSize");
    }

    @Test
    void checkHostJson_theFixtureHost_hasNoProblems() {
        assertThat(ProjectLoader.checkHostJson(ProjectFixture.HOST)).isEmpty();
    }

    @Test
    void load_queueTriggerWithoutQueueName_stopsTheProject() {
        var error = new ProjectFixture(tmp).write("process/function.json", """
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg"}]}""").error();

        assertThat(error.describe()).contains("process/function.json:1 bindings[0].queueName")
                .contains("needs \"queueName\"");
    }
}
