package dev.berth.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/// The durable templates, each scaffolded, built and run in real Docker under Berth: the app's Durable Task
/// worker (the real Java SDK) connects to Berth's backend through the address Berth puts in its environment,
/// the HTTP starter answers 202 with the management URLs, and the instance is driven to completion through
/// the HTTP management API on the ingress, as a user with curl would. Output, history and the orchestrator's
/// `durable-log` lines are checked.
@Tag("docker")
class DurableTemplatesEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose private static final DockerEngine ENGINE = new DockerEngine();
    private static final LocalRunner RUNNER = new LocalRunner(ENGINE, Clock.systemUTC());

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    @TempDir Path dir;

    @Test
    void chaining_starterRunsSayHelloForEachCityInTurn() throws Exception {
        try (var session = start("durable-chaining-java")) {
            var accepted = post(session, "/api/hello-cities", "");
            var id = accepted.path("id").asText();

            var done = awaitFinished(accepted);

            assertThat(done.path("runtimeStatus").asText()).isEqualTo("Completed");
            assertThat(done.path("name").asText()).isEqualTo("HelloCities");
            assertThat(done.path("output").toString()).isEqualTo("[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
            assertThat(scheduled(session, id)).extracting(HistoryItem::data)
                    .containsExactly("\"Tokyo\"", "\"Seattle\"", "\"London\"");
            awaitLog(line -> line.startsWith("durable-log instance=" + id + " replay=false done: [Hello Tokyo!"));
            assertThat(events).anyMatch(e -> e instanceof LogLine l
                    && l.text().equals("durable-log instance=" + id + " replay=true calling SayHello(Tokyo)"));
        }
    }

    @Test
    void chaining_startedThroughTheBackendWithoutTheStarter_greetsTheGivenCities() throws Exception {
        try (var session = start("durable-chaining-java")) {
            var durable = session.durable();
            var hub = durable.defaultHub();
            assertThat(hub).isEqualTo("ChainingHub");
            assertThat(durable.declaredOrchestrations()).containsExactly("HelloCities");

            var id = durable.start(hub, "HelloCities", Optional.empty(), "[\"Oslo\", \"Lima\"]", Optional.empty());
            var done = durable.completion(hub, id).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(done.status()).isEqualTo(RuntimeStatus.COMPLETED);
            assertThat(JSON.readTree(done.output()).toString()).isEqualTo("[\"Hello Oslo!\",\"Hello Lima!\"]");
        }
    }

    @Test
    void fanOut_runsEverySquareAndSumsThem() throws Exception {
        try (var session = start("durable-fanout-java")) {
            var accepted = post(session, "/api/fan-out?count=20", "");

            var done = awaitFinished(accepted);

            assertThat(done.path("runtimeStatus").asText()).isEqualTo("Completed");
            assertThat(done.path("output").toString()).isEqualTo("{\"count\":20,\"sum\":2870}");
            assertThat(scheduled(session, accepted.path("id").asText())).hasSize(20)
                    .allSatisfy(item -> assertThat(item.name()).isEqualTo("Square"));
        }
    }

    @Test
    void httpApi_answers202AtOnceAndTheStatusShowsProgressUntilCompleted() throws Exception {
        try (var session = start("durable-http-api-java")) {
            var response = send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/jobs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"steps\": 3, \"secondsPerStep\": 1}")));

            assertThat(response.statusCode()).isEqualTo(202);
            var accepted = JSON.readTree(response.body());
            var id = accepted.path("id").asText();
            var statusUrl = session.ingressUri() + "/runtime/webhooks/durabletask/instances/" + id;
            assertThat(response.headers().firstValue("Location")).get().asString().startsWith(statusUrl);
            assertThat(response.headers().firstValue("Retry-After")).contains("2");
            assertThat(accepted.path("statusQueryGetUri").asText()).startsWith(statusUrl);
            assertThat(accepted.path("sendEventPostUri").asText()).startsWith(statusUrl + "/raiseEvent/{eventName}");

            var polls = new ArrayList<JsonNode>();
            var done = awaitFinished(accepted, polls);

            assertThat(polls).anySatisfy(poll -> {
                assertThat(poll.path("runtimeStatus").asText()).isEqualTo("Running");
                assertThat(poll.at("/customStatus/of").asInt()).isEqualTo(3);
                assertThat(poll.at("/customStatus/done").asInt()).isLessThan(3);
            });
            assertThat(done.path("runtimeStatus").asText()).isEqualTo("Completed");
            assertThat(done.path("customStatus").toString()).isEqualTo("{\"done\":3,\"of\":3}");
            assertThat(done.path("output").toString())
                    .isEqualTo("{\"steps\":3,\"chunks\":[\"chunk 1 done\",\"chunk 2 done\",\"chunk 3 done\"]}");
        }
    }

    @Test
    void monitor_pollsOnDurableTimersUntilTheJobIsDoneThenAlerts() throws Exception {
        try (var session = start("durable-monitor-java")) {
            var accepted = post(session, "/api/monitor",
                    "{\"jobId\": \"job-e2e\", \"readyAfterSeconds\": 3, \"pollSeconds\": 1, \"expirySeconds\": 60}");

            var done = awaitFinished(accepted);

            assertThat(done.path("runtimeStatus").asText()).isEqualTo("Completed");
            assertThat(done.at("/output/status").asText()).isEqualTo("Completed");
            assertThat(done.at("/output/checks").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(history(session, accepted.path("id").asText())).extracting(HistoryItem::kind)
                    .contains(HistoryKind.TIMER_FIRED);
            awaitLog(line -> line.equals("SendAlert: job-e2e completed (seen after " + done.at("/output/checks").asInt()
                    + " checks)"));
        }
    }

    @Test
    void human_approvalRaisedThroughTheSendEventUrl_approves() throws Exception {
        try (var session = start("durable-human-java")) {
            var accepted = post(session, "/api/approvals", "{\"item\": \"laptop\", \"timeoutSeconds\": 300}");
            awaitLog(line -> line.startsWith("RequestApproval: please approve 'laptop'"));

            var raise = send(HttpRequest.newBuilder(URI.create(accepted.path("sendEventPostUri").asText()
                            .replace("{eventName}", "Approval"))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("true")));
            assertThat(raise.statusCode()).as("raise event answer: %s", raise.body()).isBetween(200, 299);

            var done = awaitFinished(accepted);
            assertThat(done.path("output").toString()).isEqualTo("{\"item\":\"laptop\",\"outcome\":\"approved\"}");
        }
    }

    @Test
    void human_noAnswerWithinTheTimeout_escalates() throws Exception {
        try (var session = start("durable-human-java")) {
            var accepted = post(session, "/api/approvals", "{\"item\": \"laptop\", \"timeoutSeconds\": 2}");

            var done = awaitFinished(accepted);

            assertThat(done.path("output").toString()).isEqualTo("{\"item\":\"laptop\",\"outcome\":\"escalated\"}");
            awaitLog(line -> line.startsWith("Escalate: no answer for 'laptop' within 2 s"));
            assertThat(history(session, accepted.path("id").asText())).extracting(HistoryItem::kind)
                    .contains(HistoryKind.TIMER_FIRED)
                    .doesNotContain(HistoryKind.EVENT_RAISED);
        }
    }

    private RunSession start(String template) throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find(template).orElseThrow(),
                dir.resolve("app"), "e2e-" + template);
        var session = RUNNER.start(project, new RunOptions(0, false, 0), events::add);
        awaitEvent(e -> e instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY);
        return session;
    }

    /// POSTs `body` to the starter at `path`; checks the 202 and returns its management payload.
    private JsonNode post(RunSession session, String path, String body) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(session.ingressUri() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as("starter answer: %s", response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitFinished(JsonNode accepted) throws Exception {
        return awaitFinished(accepted, new ArrayList<>());
    }

    /// Polls the starter's `statusQueryGetUri` until the instance is Completed, Failed or Terminated; each
    /// answer goes to `polls`.
    private JsonNode awaitFinished(JsonNode accepted, List<JsonNode> polls) throws Exception {
        var status = URI.create(accepted.path("statusQueryGetUri").asText());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = send(HttpRequest.newBuilder(status).GET());
            assertThat(response.statusCode()).as("status answer: %s", response.body()).isIn(200, 202);
            var poll = JSON.readTree(response.body());
            polls.add(poll);
            if (List.of("Completed", "Failed", "Terminated").contains(poll.path("runtimeStatus").asText())) return poll;
            Thread.sleep(200); // poll interval inside the deadline
        }
        throw new AssertionError("instance " + accepted.path("id").asText() + " not finished within " + WAIT
                + "; last status: " + (polls.isEmpty() ? "none" : polls.getLast()) + "\nevents:\n" + eventLines());
    }

    /// The activities the instance scheduled, in order.
    private static List<HistoryItem> scheduled(RunSession session, String id) {
        return history(session, id).stream().filter(item -> item.kind() == HistoryKind.TASK_SCHEDULED).toList();
    }

    private static List<HistoryItem> history(RunSession session, String id) {
        return session.durable().history(session.durable().defaultHub(), id);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitLog(Predicate<String> matches) throws InterruptedException {
        awaitEvent(e -> e instanceof LogLine l && matches.test(l.text()));
    }

    private void awaitEvent(Predicate<RunnerEvent> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var event : events) if (matches.test(event)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("nothing matched within " + WAIT + "; events:\n" + eventLines());
    }

    private String eventLines() {
        return String.join("\n", events.stream().map(Object::toString).toList());
    }
}
