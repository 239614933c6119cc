package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionJsonTest {
    @TempDir Path tmp;

    private static final String STORAGE_SETTINGS =
            "{\"IsEncrypted\": false, \"Values\": {\"AzureWebJobsStorage\": \"UseDevelopmentStorage=true\"}}";

    @Test
    void queueBinding_nameAzureRejects_isAnErrorWithTheRule() {
        var error = withHello("""
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "Orders_In"}]}""")
                .write("local.settings.json", STORAGE_SETTINGS).error();

        assertThat(error.field()).isEqualTo("bindings[0].queueName");
        assertThat(error.message()).contains("Orders_In").contains("lowercase");
    }

    @Test
    void storageBinding_unknownConnection_isAnErrorNamingLocalSettings() {
        var error = withHello("""
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "orders",
                               "connection": "OrdersAccount"}]}""")
                .write("local.settings.json", STORAGE_SETTINGS).error();

        assertThat(error.field()).isEqualTo("bindings[0].connection");
        assertThat(error.message()).contains("OrdersAccount");
        assertThat(error.fix()).contains("local.settings.json").contains("UseDevelopmentStorage=true");
    }

    @Test
    void blobBinding_pathWithoutContainer_isAnError() {
        var error = withHello("""
                {"bindings": [{"type": "blobTrigger", "direction": "in", "name": "blob", "path": "{name}"}]}""")
                .write("local.settings.json", STORAGE_SETTINGS).error();

        assertThat(error.field()).isEqualTo("bindings[0].path");
        assertThat(error.fix()).contains("<container>/");
    }

    @Test
    void queueNameFromASetting_isCheckedAfterResolving() {
        var error = withHello("""
                {"bindings": [{"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "%Q%"}]}""")
                .write("local.settings.json", "{\"Values\": {\"AzureWebJobsStorage\": \"x\", \"Q\": \"A\"}}").error();

        assertThat(error.field()).isEqualTo("bindings[0].queueName");
    }

    private ProjectFixture withHello(String functionJson) {
        return new ProjectFixture(tmp).write("hello/function.json", functionJson);
    }

    @Test
    void badJson_trailingCommaInBindings_namesFileLineAndFix() {
        var error = withHello("""
                {
                  "bindings": [
                    {"type": "httpTrigger", "direction": "in", "name": "req"},
                  ]
                }""").error();

        assertThat(error.file()).isEqualTo(Path.of("hello", "function.json"));
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("unexpected character ']'");
        assertThat(error.fix()).isEqualTo("remove the trailing comma before ']'.");
    }

    @Test
    void unknownBindingType_namesIndexAndListsCloseTypes() {
        var error = withHello("""
                {
                  "bindings": [
                    {"type": "http", "direction": "out", "name": "res"},
                    {"type": "httpTriger", "direction": "in", "name": "req"}
                  ]
                }""").error();

        assertThat(error.field()).isEqualTo("bindings[1].type");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("\"httpTriger\"").contains("binding #1");
        assertThat(error.fix()).startsWith("use a known type; the closest are httpTrigger");
    }

    @Test
    void bindingTypeInOtherCase_isAcceptedAndStoredCanonically() {
        var app = withHello("""
                {"bindings": [{"type": "HttpTrigger", "direction": "IN", "name": "req"}]}""").load();

        var binding = app.function("hello").orElseThrow().bindings().getFirst();
        assertThat(binding.type()).isEqualTo("httpTrigger");
        assertThat(binding.direction()).isEqualTo("in");
    }

    @Test
    void missingTrigger_isAnError() {
        var error = withHello("""
                {"bindings": [{"type": "http", "direction": "out", "name": "res"}]}""").error();

        assertThat(error.describe()).startsWith("hello/function.json:1 bindings: the function has no trigger")
                .contains("Fix: add one binding whose type ends in \"Trigger\"");
    }

    @Test
    void twoTriggers_isAnErrorNamingBoth() {
        var error = withHello("""
                {
                  "bindings": [
                    {"type": "httpTrigger", "direction": "in", "name": "req"},
                    {"type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "orders"}
                  ]
                }""").error();

        assertThat(error.field()).isEqualTo("bindings[1]");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("2 triggers").contains("bindings[0] httpTrigger")
                .contains("bindings[1] queueTrigger");
        assertThat(error.fix()).contains("keep one trigger");
    }

    @Test
    void missingDirectionAndName_areReportedTogether() {
        var errors = withHello("""
                {"bindings": [{"type": "httpTrigger"}]}""").errors();

        assertThat(errors).extracting(ProjectProblem::field).containsExactly("bindings[0].direction", "bindings[0].name");
        assertThat(errors.getFirst().fix()).contains("\"in\"");
    }

    @Test
    void triggerWithDirectionOut_isAnError() {
        var error = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "out", "name": "req"}]}""").error();

        assertThat(error.message()).contains("not a valid direction for a trigger");
        assertThat(error.fix()).contains("\"direction\": \"in\"");
    }

    @Test
    void duplicateBindingNames_areAnError() {
        var error = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"},
                              {"type": "http", "direction": "out", "name": "REQ"}]}""").error();

        assertThat(error.field()).isEqualTo("bindings[1].name");
        assertThat(error.message()).contains("already used by bindings[0]");
    }

    @Test
    void badAuthLevel_namesFieldLineAndTheThreeLevels() {
        var error = withHello("""
                {
                  "bindings": [
                    {"type": "httpTrigger", "direction": "in", "name": "req",
                     "authLevel": "superuser"}
                  ]
                }""").error();

        assertThat(error.describe()).startsWith("hello/function.json:4 bindings[0].authLevel: the text \"superuser\" "
                + "is not a valid authLevel. Fix: use \"anonymous\"");
        assertThat(error.fix()).contains("\"function\"").contains("\"admin\"");
    }

    @Test
    void authLevel_ignoresCase() {
        var app = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "Admin"}]}""").load();

        assertThat(app.function("hello").orElseThrow().httpTrigger().orElseThrow().authLevel()).isEqualTo(AuthLevel.ADMIN);
    }

    @Test
    void badMethods_nameTheItemAndValidVerbs() {
        var error = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "methods": ["get", "fetch"]}]}""")
                .error();

        assertThat(error.field()).isEqualTo("bindings[0].methods[1]");
        assertThat(error.message()).contains("\"fetch\" is not an HTTP method");
        assertThat(error.fix()).contains("GET, POST, PUT, DELETE, PATCH");
    }

    @Test
    void methodsNotAList_isAnError() {
        var error = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "methods": "get"}]}""").error();

        assertThat(error.field()).isEqualTo("bindings[0].methods");
        assertThat(error.message()).contains("must be a list");
    }

    @Test
    void badRouteTemplate_namesFieldAndReason() {
        var error = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "route": "hello/{name"}]}""")
                .error();

        assertThat(error.field()).isEqualTo("bindings[0].route");
        assertThat(error.message()).contains("invalid route template").contains("unbalanced braces");
        assertThat(error.fix()).contains("{parameter}");
    }

    @Test
    void routeStartingWithPrefix_isAWarning() {
        var app = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "route": "api/hello"}]}""").load();

        assertThat(app.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("bindings[0].route");
            assertThat(w.message()).contains("/api/api/hello");
        });
    }

    @Test
    void duplicateRoute_isAnErrorNamingBothFunctions() {
        var error = new ProjectFixture(tmp).write("greet/function.json", """
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "route": "HELLO/{who}",
                               "methods": ["post"]}]}""").error();

        assertThat(error.file()).isEqualTo(Path.of("hello", "function.json")); // the later of the two, by name
        assertThat(error.field()).isEqualTo("bindings[0].route");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("\"greet\"").contains("\"hello\"").contains("for POST");
        assertThat(error.fix()).contains("another route");
    }

    @Test
    void sameRouteWithDisjointMethods_isAllowed() {
        var app = new ProjectFixture(tmp).write("remove/function.json", """
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "route": "hello/{who}",
                               "methods": ["delete"]}]}""").load();

        assertThat(app.functions()).extracting(FunctionDef::name).contains("remove");
    }

    @Test
    void badFunctionName_isAnErrorSuggestingAName() {
        var error = new ProjectFixture(tmp).write("1st hello/function.json", """
                {"bindings": [{"type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 * * * * *"}]}""")
                .error();

        assertThat(error.file()).isEqualTo(Path.of("1st hello", "function.json"));
        assertThat(error.message()).contains("\"1st hello\" is not a valid function name").contains("start with a letter");
        assertThat(error.fix()).contains("rename the folder").contains("\"st-hello\"");
    }

    @Test
    void unknownTopLevelField_isAWarning() {
        var app = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"}], "scriptFile": "x.py",
                 "owner": "me"}""").load();

        assertThat(app.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(ProjectProblem.Severity.WARNING);
            assertThat(w.field()).isEqualTo("owner");
            assertThat(w.message()).contains("unknown field in function.json; it is kept and ignored");
        });
    }

    @Test
    void disabledFunction_isLeftOutWithAWarning() {
        var app = withHello("""
                {"disabled": true, "bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"}]}""").load();

        assertThat(app.function("hello")).isEmpty();
        assertThat(app.warnings()).singleElement().extracting(ProjectProblem::message).asString().contains("disabled");
    }

    @Test
    void timerTriggerWithoutSchedule_isAnError() {
        var error = new ProjectFixture(tmp).write("tick/function.json", """
                {"bindings": [{"type": "timerTrigger", "direction": "in", "name": "timer"}]}""").error();

        assertThat(error.field()).isEqualTo("bindings[0].schedule");
        assertThat(error.fix()).contains("NCRONTAB");
    }

    @Test
    void timerTriggerWithFiveFieldCron_isAnErrorShowingTheSixFieldForm() {
        var error = new ProjectFixture(tmp).write("tick/function.json", """
                {"bindings": [
                  {"type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "*/5 * * * *"}]}""").error();

        assertThat(error.field()).isEqualTo("bindings[0].schedule");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).contains("has 5 fields").contains("\"0 */5 * * * *\"");
        assertThat(error.fix()).contains("berth cron");
    }

    @Test
    void timerTriggerWithScheduleFromAnAppSetting_isLeftForTheTimerToResolve() {
        var app = new ProjectFixture(tmp).write("tick/function.json", """
                {"bindings": [{"type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "%TickEvery%"}]}""")
                .load();

        assertThat(app.function("tick")).isPresent();
    }

    @Test
    void unknownBindingProperties_areKept() {
        var app = withHello("""
                {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"},
                              {"type": "queue", "direction": "out", "name": "out", "queueName": "orders", "x": null}]}""")
                .write("local.settings.json", STORAGE_SETTINGS).load();

        var queue = app.function("hello").orElseThrow().bindings().get(1);
        assertThat(queue.properties()).containsEntry("queueName", "orders").doesNotContainKey("x");
    }
}
