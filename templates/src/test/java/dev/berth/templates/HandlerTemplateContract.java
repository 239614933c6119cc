package dev.berth.templates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The custom-handler contract every HTTP template keeps, checked against its scaffolded app running as a
/// real process. Each subclass scaffolds one template and says how its language words the answers; JUnit
/// runs these tests once per subclass. One instance per class, so the handler starts once and the tests
/// (run one at a time) share it; not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HandlerTemplateContract {
    /// The class's scratch folder, set before [#startHandler()] runs.
    Path dir;
    Path project;
    HandlerProcess handler;

    /// Scaffolds the template under [#dir] into [#project] and starts its handler with `GREETING=Howdy`.
    abstract HandlerProcess startHandler() throws Exception;

    /// Starts a second app of the template with `hello` and a `boom` function that logs "about to fail"
    /// and then fails with "kaboom".
    abstract HandlerProcess startFailingHandler() throws Exception;

    /// The log line the handler writes when `boom` fails.
    abstract String failureLog();

    /// How the 400 answer to a malformed payload starts its first log line.
    abstract String malformedJsonLog();

    /// How the 404 answer lists the known functions.
    abstract String knownFunctionsListing();

    /// The route value sent to `/api/hello/{name}`; a space in it travels as `%20`.
    abstract String routeName();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        handler = startHandler();
    }

    @AfterAll
    void stop() throws Exception {
        if (handler != null) handler.close();
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
                .startsWith(malformedJsonLog());
    }

    @Test
    void invoke_unknownFunction_answers404ListingTheKnownOnes() throws Exception {
        var response = handler.post("/goodbye", "{\"Data\": {}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no function 'goodbye'").contains(knownFunctionsListing());
    }

    @Test
    void directRequest_underRoutePrefix_isServedByRoute() throws Exception {
        var path = "/api/hello/" + routeName().replace(" ", "%20");
        var response = handler.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Howdy, " + routeName() + "!");
        assertThat(handler.awaitOutput("GET " + path + " 200")).contains("greeting Linus");
    }

    @Test
    void invoke_functionThatFails_answers500WithTheErrorInLogs() throws Exception {
        try (var boom = startFailingHandler()) {
            var answer = boom.invoke("boom", 500, "GET", Map.of(), Map.of());

            assertThat(answer.at("/Outputs/res/statusCode").asInt()).isEqualTo(500);
            assertThat(answer.path("Logs")).extracting(n -> n.asText()).contains("about to fail", failureLog());
            assertThat(boom.invoke("hello", 200, "GET", Map.of("name", "still"), Map.of())
                    .at("/Outputs/res/body").asText()).isEqualTo("Hello, still!");
        }
    }
}
