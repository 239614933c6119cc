package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.templates.HandlerProcess.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/// The starters' helpers of the durable templates, `CheckStatus` (the 202 answer) and `StartInput` (settings
/// from the query or body), compiled for Java 21 with the berth.functions classes and served by a probe app
/// as a real process. They need no Durable Task SDK, so no Maven. One process for the class; not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableHelpersTest {
    private static final String INSTANCES = "http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/";
    private HandlerProcess handler;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("durable-chaining-java").orElseThrow(),
                dir.resolve("app"), "helpers-app");
        var sources = Files.createDirectories(dir.resolve("src"));
        copy(project, sources, "berth/functions");
        for (var helper : List.of("CheckStatus.java", "StartInput.java")) {
            Files.copy(project.resolve("src/main/java/berth/durable").resolve(helper),
                    Files.createDirectories(sources.resolve("berth/durable")).resolve(helper));
        }
        Files.writeString(sources.resolve("Probe.java"), """
                import berth.durable.CheckStatus;
                import berth.durable.StartInput;
                import berth.functions.FunctionHost;
                import berth.functions.Response;

                public final class Probe {
                    public static void main(String[] args) throws Exception {
                        FunctionHost.create()
                                .register("status", (request, log) -> CheckStatus.accepted(request, "abc 1", "ProbeHub"))
                                .register("nohub", (request, log) -> CheckStatus.accepted(request, "abc", ""))
                                .register("settings", (request, log) -> {
                                    try {
                                        var input = StartInput.of(request);
                                        return Response.text(input.number("count", 10, 1, 100) + " " + input.text("name", "none"));
                                    } catch (IllegalArgumentException e) {
                                        return Response.text(400, e.getMessage());
                                    }
                                })
                                .start();
                    }
                }
                """);
        var classes = Files.createDirectories(dir.resolve("classes"));
        JavaApp.compile(sources, classes);
        handler = HandlerProcess.start(JavaApp.command(classes, "Probe"), project, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (handler != null) handler.close();
    }

    @Test
    void accepted_answers202WithLocationRetryAfterAndTheManagementUrlsOnTheRequestsHost() throws Exception {
        var res = call("status", "http://127.0.0.1:7071/api/status", Map.of(), "");

        assertThat(res.path("statusCode").asInt()).isEqualTo(202);
        var instance = INSTANCES + "abc%201";
        assertThat(res.at("/headers/Location").asText()).isEqualTo(instance + "?taskHub=ProbeHub");
        assertThat(res.at("/headers/Retry-After").asText()).isEqualTo("2");
        var body = JSON.readTree(res.path("body").asText());
        assertThat(body.propertyStream().map(Map.Entry::getKey)).containsExactly("id", "statusQueryGetUri",
                "sendEventPostUri", "terminatePostUri", "rewindPostUri", "purgeHistoryDeleteUri", "suspendPostUri",
                "resumePostUri");
        assertThat(body.path("id").asText()).isEqualTo("abc 1");
        assertThat(body.path("statusQueryGetUri").asText()).isEqualTo(instance + "?taskHub=ProbeHub");
        assertThat(body.path("sendEventPostUri").asText()).isEqualTo(instance + "/raiseEvent/{eventName}?taskHub=ProbeHub");
        assertThat(body.path("terminatePostUri").asText()).isEqualTo(instance + "/terminate?reason={text}&taskHub=ProbeHub");
        assertThat(body.path("rewindPostUri").asText()).isEqualTo(instance + "/rewind?reason={text}&taskHub=ProbeHub");
        assertThat(body.path("purgeHistoryDeleteUri").asText()).isEqualTo(instance + "?taskHub=ProbeHub");
        assertThat(body.path("suspendPostUri").asText()).isEqualTo(instance + "/suspend?reason={text}&taskHub=ProbeHub");
        assertThat(body.path("resumePostUri").asText()).isEqualTo(instance + "/resume?reason={text}&taskHub=ProbeHub");
    }

    @Test
    void accepted_withoutHub_leavesTheQueryOut() throws Exception {
        var res = call("nohub", "http://localhost:9000/api/nohub", Map.of(), "");

        assertThat(res.at("/headers/Location").asText())
                .isEqualTo("http://localhost:9000/runtime/webhooks/durabletask/instances/abc");
        assertThat(JSON.readTree(res.path("body").asText()).path("terminatePostUri").asText())
                .isEqualTo("http://localhost:9000/runtime/webhooks/durabletask/instances/abc/terminate?reason={text}");
    }

    @Test
    void accepted_relativeUrl_takesTheHostFromTheHostHeader() throws Exception {
        var res = call("nohub", "/api/nohub", Map.of("Host", List.of("berth.local:7071")), "");

        assertThat(res.at("/headers/Location").asText())
                .isEqualTo("http://berth.local:7071/runtime/webhooks/durabletask/instances/abc");
    }

    @Test
    void startInput_queryWinsOverBodyAndMissingSettingsTakeTheirDefault() throws Exception {
        assertThat(settings("?count=7", "{\"count\": 3, \"name\": \"Ada\"}")).isEqualTo("7 Ada");
        assertThat(settings("", "{\"count\": 3}")).isEqualTo("3 none");
        assertThat(settings("", "")).isEqualTo("10 none");
    }

    @Test
    void startInput_malformedSettings_areRefusedNamingTheSettingOrTheBody() throws Exception {
        assertThat(settings("?count=1000", "")).isEqualTo("count is 1000; it must be a whole number from 1 to 100");
        assertThat(settings("", "{\"count\": 2.5}")).isEqualTo("count is 2.5; it must be a whole number from 1 to 100");
        assertThat(settings("", "[1, 2]")).isEqualTo("The body is [1, 2], not a JSON object");
        assertThat(settings("", "{\"count\": ")).startsWith("request body is not valid JSON: invalid JSON at offset");
    }

    /// The probe's `settings` answer (its text, for 200 and 400 alike) to `query` and `body`.
    private String settings(String query, String body) throws Exception {
        var params = new java.util.LinkedHashMap<String, String>();
        if (!query.isEmpty()) {
            for (var pair : query.substring(1).split("&")) params.put(pair.split("=")[0], pair.split("=")[1]);
        }
        return call("settings", "http://127.0.0.1:7071/api/settings" + query, Map.of(), body, params).path("body").asText();
    }

    private JsonNode call(String function, String url, Map<String, List<String>> headers, String body) throws Exception {
        return call(function, url, headers, body, Map.of());
    }

    /// Invokes `function` as Berth does (custom-handler payload) and returns its `res` output.
    private JsonNode call(String function, String url, Map<String, List<String>> headers, String body,
                          Map<String, String> query) throws Exception {
        var req = Map.of("Url", url, "Method", "POST", "Query", query, "Headers", headers, "Params", Map.of(),
                "Body", body);
        return handler.invoke(function, 200, Map.of("req", req), Map.of()).at("/Outputs/res");
    }

    private static void copy(Path project, Path sources, String pkg) throws java.io.IOException {
        var from = project.resolve("src/main/java").resolve(pkg);
        var to = Files.createDirectories(sources.resolve(pkg));
        try (var files = Files.list(from)) {
            for (var file : files.toList()) Files.copy(file, to.resolve(file.getFileName()));
        }
    }
}
