package dev.berth.templates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The scaffolded http-python app, run with the host's python3 exactly as its Dockerfile runs it.
class PythonTemplateTest {
    @TempDir static Path dir;
    private static Path project;
    private static HandlerProcess handler;

    @BeforeAll
    static void start() throws Exception {
        project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                dir.resolve("app"), "py-app");
        handler = HandlerProcess.start(List.of("python3", "-u", "handler.py"), project, Map.of("GREETING", "Howdy"));
    }

    @AfterAll
    static void stop() throws Exception {
        handler.close();
    }

    @Test
    void healthz_answers200() throws Exception {
        assertThat(handler.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void invoke_nameFromRoute_greetsWithTheGreetingSettingAndReturnsLogs() throws Exception {
        var answer = handler.invoke("hello", 200, "GET", Map.of("name", "Ada"), Map.of());

        assertThat(answer.at("/Outputs/res/statusCode").asInt()).isEqualTo(200);
        assertThat(answer.at("/Outputs/res/body").asText()).isEqualTo("Howdy, Ada!");
        assertThat(answer.at("/Outputs/res/headers/Content-Type").asText()).startsWith("text/plain");
        assertThat(answer.path("Logs")).extracting(n -> n.asText()).containsExactly("greeting Ada");
        assertThat(answer.path("ReturnValue").isNull()).isTrue();
    }

    @Test
    void invoke_nameFromQuery_isUsedWhenTheRouteHasNone() throws Exception {
        var answer = handler.invoke("hello", 200, "POST", Map.of(), Map.of("name", "Grace"));

        assertThat(answer.at("/Outputs/res/body").asText()).isEqualTo("Howdy, Grace!");
    }

    @Test
    void invoke_malformedJson_answers400NamingTheProblem() throws Exception {
        var response = handler.post("/hello", "{\"Data\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HandlerProcess.JSON.readTree(response.body()).at("/Logs/0").asText())
                .startsWith("invocation payload is not valid JSON");
    }

    @Test
    void invoke_unknownFunction_answers404ListingTheKnownOnes() throws Exception {
        var response = handler.post("/goodbye", "{\"Data\": {}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no function 'goodbye'").contains("known: hello");
    }

    @Test
    void directRequest_underRoutePrefix_isServedByRoute() throws Exception {
        var response = handler.get("/api/hello/Linus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Howdy, Linus!");
        assertThat(handler.awaitOutput("GET /api/hello/Linus 200")).contains("greeting Linus");
    }

    @Test
    void invoke_functionThatRaises_answers500WithTheErrorInLogs() throws Exception {
        Files.writeString(project.resolve("boom_app.py"), """
                from handler import app

                @app.function("boom")
                def boom(req, log):
                    log("about to fail")
                    raise RuntimeError("kaboom")

                app.run()
                """);
        try (var boom = HandlerProcess.start(List.of("python3", "-u", "boom_app.py"), project, Map.of())) {
            var answer = boom.invoke("boom", 500, "GET", Map.of(), Map.of());

            assertThat(answer.at("/Outputs/res/statusCode").asInt()).isEqualTo(500);
            assertThat(answer.path("Logs")).extracting(n -> n.asText())
                    .contains("about to fail", "Function 'boom' failed: RuntimeError: kaboom");
            assertThat(boom.invoke("hello", 200, "GET", Map.of("name", "still"), Map.of())
                    .at("/Outputs/res/body").asText()).isEqualTo("Hello, still!");
        }
    }
}
