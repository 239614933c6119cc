package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectLoaderTest {
    @TempDir Path tmp;

    private ProjectFixture project() { return new ProjectFixture(tmp); }

    @Test
    void load_fullProject_readsEveryFile() {
        var app = project().load();

        assertThat(app.warnings()).isEmpty();
        assertThat(app.host()).isEqualTo(new HostConfig("2.0", Optional.of(Duration.ofSeconds(150)), true, "api", "python3"));
        assertThat(app.functions()).extracting(FunctionDef::name).containsExactly("hello", "products", "tick");
        var hello = app.function("HELLO").orElseThrow();
        assertThat(hello.httpTrigger()).contains(new HttpTrigger("hello/{name?}", Set.of("GET", "POST"), AuthLevel.ANONYMOUS));
        assertThat(hello.trigger().orElseThrow().name()).isEqualTo("req");
        assertThat(hello.bindings()).extracting(Binding::type).containsExactly("httpTrigger", "http");
        assertThat(hello.file()).isEqualTo(app.dir().resolve("hello/function.json"));
        var products = app.function("products").orElseThrow().httpTrigger().orElseThrow();
        assertThat(products.authLevel()).isEqualTo(AuthLevel.FUNCTION);
        assertThat(products.methods()).isEmpty();
        var tick = app.function("tick").orElseThrow();
        assertThat(tick.httpTrigger()).isEmpty();
        assertThat(tick.trigger().orElseThrow().properties()).containsEntry("schedule", "0 */5 * * * *");
        assertThat(app.settings()).containsEntry("GREETING", "Hi").hasSize(2);
    }

    @Test
    void load_minimalProject_usesAzureDefaults() {
        var fixture = project().write("host.json", "{\"version\": \"2.0\"}")
                .write("hello/function.json", """
                        {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req"}]}""")
                .delete("products/function.json").delete("tick/function.json")
                .delete("local.settings.json").delete("containerapp.yaml");

        var app = fixture.load();

        assertThat(app.host().routePrefix()).isEqualTo("api");
        assertThat(app.host().functionTimeout()).isEmpty();
        assertThat(app.host().effectiveTimeout()).isEqualTo(HostConfig.DEFAULT_TIMEOUT);
        assertThat(app.host().enableForwardingHttpRequest()).isFalse();
        assertThat(app.functions().getFirst().httpTrigger()).contains(new HttpTrigger("hello", Set.of(), AuthLevel.FUNCTION));
        assertThat(app.settings()).isEmpty();
        assertThat(app.containerApp()).isEqualTo(new ContainerAppSpec("shop", 8080, 0, 10, 0.5, 1L << 30,
                java.util.Map.of(), Optional.empty()));
    }

    @Test
    void load_skipsStateHiddenBuildAndNonFunctionFolders() {
        var fixture = project()
                .write(".berth/function.json", "broken")
                .write(".git/function.json", "broken")
                .write(".vscode/function.json", "broken")
                .write("target/function.json", "broken")
                .write("shared/util.py", "pass");

        assertThat(fixture.load().functions()).extracting(FunctionDef::name).containsExactly("hello", "products", "tick");
    }

    // host.json

    @Test
    void hostJson_missing_isAnErrorWithTheFix() {
        var error = project().delete("host.json").error();

        assertThat(error.file()).isEqualTo(Path.of("host.json"));
        assertThat(error.describe()).contains("host.json is missing").contains("Fix:").contains("\"version\": \"2.0\"");
    }

    @Test
    void hostJson_trailingComma_namesLineAndSaysToRemoveIt() {
        var error = project().write("host.json", "{\n  \"version\": \"2.0\",\n}\n").error();

        assertThat(error.describe()).startsWith("host.json:3: invalid JSON (column 1)")
                .contains("unexpected character '}'").contains("Fix: remove the trailing comma");
        assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void hostJson_wrongVersion_namesFieldAndFix() {
        var error = project().write("host.json", "{\n  \"version\": \"1.0\"\n}").error();

        assertThat(error.describe()).startsWith("host.json:2 version:").contains("\"1.0\"")
                .contains("Fix: set \"version\": \"2.0\"");
    }

    @Test
    void hostJson_badFunctionTimeout_namesFieldAndFormats() {
        var error = project().write("host.json", """
                {
                  "version": "2.0",
                  "functionTimeout": "5 minutes"
                }""").error();

        assertThat(error.field()).isEqualTo("functionTimeout");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.describe()).contains("\"5 minutes\" is not a time span").contains("hh:mm:ss").contains("\"-1\"");
    }

    @Test
    void hostJson_durableHubName_isReadAndDefaultsToDefault() {
        var fixture = project();
        assertThat(fixture.load().host().durableHub()).isEqualTo("default");

        fixture.write("host.json", "{\"version\": \"2.0\", \"extensions\": {\"durableTask\": {\"hubName\": \"OrdersHub\"}}}");

        assertThat(fixture.load().host().durableHub()).isEqualTo("OrdersHub");
    }

    @Test
    void hostJson_durableHubNameWithADash_isAnErrorNamingAzuresRule() {
        var error = project().write("host.json",
                "{\"version\": \"2.0\", \"extensions\": {\"durableTask\": {\"hubName\": \"orders-hub\"}}}").error();

        assertThat(error.field()).isEqualTo("extensions.durableTask.hubName");
        assertThat(error.describe()).contains("\"orders-hub\" is not a valid task hub name")
                .contains("3 to 45 letters and digits");
    }

    @Test
    void hostJson_timeoutOutOfRange_isAnError() {
        var error = project().write("host.json", "{\"version\": \"2.0\", \"functionTimeout\": \"00:75:00\"}").error();

        assertThat(error.message()).contains("minutes/seconds above 59");
    }

    @Test
    void hostJson_timeoutFormats_followDotNetTimeSpan() {
        var fixture = project();

        fixture.write("host.json", "{\"version\": \"2.0\", \"functionTimeout\": \"1.02:03:04.5\"}");
        assertThat(fixture.load().host().functionTimeout())
                .contains(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500));
        fixture.write("host.json", "{\"version\": \"2.0\", \"functionTimeout\": \"-1\"}");
        assertThat(fixture.load().host().effectiveTimeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void hostJson_unknownField_isAWarningNotAnError() {
        var app = project().write("host.json", """
                {
                  "version": "2.0",
                  "functiontimeout": "00:01:00",
                  "funtionTimeout": "00:02:00",
                  "myOwnSetting": true
                }""").load();

        assertThat(app.host().functionTimeout()).contains(Duration.ofMinutes(1)); // keys ignore case, as in Azure
        assertThat(app.warnings()).extracting(ProjectProblem::field).containsExactly("funtionTimeout", "myOwnSetting");
        assertThat(app.warnings().getFirst().describe()).startsWith("host.json:4 funtionTimeout: unknown field")
                .contains("kept and ignored").contains("`functionTimeout`");
    }

    @Test
    void hostJson_routePrefix_isTrimmedOfSlashes() {
        var app = project().write("host.json", "{\"version\": \"2.0\", \"extensions\": {\"http\": {\"routePrefix\": \"/v1/\"}}}")
                .load();

        assertThat(app.host().routePrefix()).isEqualTo("v1");
    }

    @Test
    void hostJson_queueSettings_areReadWithDefaultsForWhatIsOmitted() {
        var app = project().write("host.json", """
                {"version": "2.0", "extensions": {"queues": {"batchSize": 4, "maxDequeueCount": 2,
                 "visibilityTimeout": "00:00:05"}}}""").load();

        var queues = app.host().queues();
        assertThat(queues.batchSize()).isEqualTo(4);
        assertThat(queues.newBatchThreshold()).isEqualTo(2);
        assertThat(queues.maxDequeueCount()).isEqualTo(2);
        assertThat(queues.visibilityTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(queues.maxPollingInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
    }

    @Test
    void hostJson_badQueueSettings_nameTheFieldAndTheRange() {
        var errors = project().write("host.json", """
                {"version": "2.0", "extensions": {"queues": {"batchSize": 64, "maxDequeueCount": "five"}}}""").errors();

        assertThat(errors).extracting(ProjectProblem::field)
                .contains("extensions.queues.maxDequeueCount", "extensions.queues");
        assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("batchSize is 64").contains("between 1 and 32"));
    }

    // local.settings.json

    @Test
    void localSettings_badJson_namesFileAndLine() {
        var error = project().write("local.settings.json", "{\n  \"Values\": {\n    \"A\": \"1\"\n").error();

        assertThat(error.describe()).startsWith("local.settings.json:").contains("ends before the JSON is complete")
                .contains("Fix: close every {");
    }

    @Test
    void localSettings_encrypted_isAnErrorSayingToStorePlainValues() {
        var error = project().write("local.settings.json", "{\"IsEncrypted\": true, \"Values\": {}}").error();

        assertThat(error.field()).isEqualTo("IsEncrypted");
        assertThat(error.describe()).contains("cannot decrypt").contains("\"IsEncrypted\": false").contains("plain");
    }

    @Test
    void localSettings_numbersAndBooleans_areConvertedWithAWarning() {
        var app = project().write("local.settings.json", """
                {"Values": {"PORT": 8080, "DEBUG": true, "NAME": "x"}}""").load();

        assertThat(app.settings()).containsEntry("PORT", "8080").containsEntry("DEBUG", "true").containsEntry("NAME", "x");
        assertThat(app.warnings()).extracting(ProjectProblem::field).containsExactly("Values.PORT", "Values.DEBUG");
        assertThat(app.warnings().getFirst().fix()).contains("double quotes");
    }

    @Test
    void localSettings_objectValue_isAnErrorNamingTheSetting() {
        var error = project().write("local.settings.json", """
                {
                  "Values": {
                    "CONFIG": {"nested": 1}
                  }
                }""").error();

        assertThat(error.describe()).startsWith("local.settings.json:3 Values.CONFIG:").contains("must be text")
                .contains("Fix:");
    }

    @Test
    void localSettings_withByteOrderMark_isRead() {
        var app = project().write("local.settings.json", "\uFEFF{\"Values\": {\"A\": \"1\"}}").load();

        assertThat(app.settings()).containsEntry("A", "1");
    }

    // Dockerfile

    @Test
    void dockerfile_missing_isAnErrorPointingToTemplates() {
        var error = project().delete("Dockerfile").error();

        assertThat(error.file()).isEqualTo(Path.of("Dockerfile"));
        assertThat(error.fix()).isEqualTo("add a Dockerfile; templates ship one (berth new …).");
    }

    // several files at once

    @Test
    void load_problemsInSeveralFiles_areAllReportedAtOnce() {
        var errors = project()
                .write("host.json", "{\"version\": 2}")
                .write("hello/function.json", "{")
                .write("local.settings.json", "{\"IsEncrypted\": true}")
                .write("containerapp.yaml", "name: Bad_Name\n")
                .delete("Dockerfile")
                .errors();

        assertThat(errors).extracting(p -> p.file().toString()).containsExactly("host.json",
                Path.of("hello", "function.json").toString(), "local.settings.json", "containerapp.yaml", "Dockerfile");
    }

    @Test
    void projectException_message_listsEveryProblemOnItsOwnLine() {
        var fixture = project().delete("Dockerfile").delete("host.json");

        var errors = fixture.errors();
        var message = new ProjectException(errors).getMessage();

        assertThat(message.lines()).hasSize(2);
    }
}
