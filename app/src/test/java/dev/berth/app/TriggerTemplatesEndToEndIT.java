package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.eventgrid.TopicKey;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/// The event-trigger templates, each scaffolded, built and run in real Docker with Berth's embedded
/// storage: a timer fires, a queue message is processed into a blob, a blob triggers a queue message, an
/// event posted to the local topic reaches its subscriber, and the order pipeline runs HTTP → queue →
/// blob → BlobCreated → function. Also: a message that always fails ends in `<queue>-poison`.
@Tag("docker")
class TriggerTemplatesEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static DockerEngine engine;
    private static LocalRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();

    @TempDir Path dir;

    @BeforeAll
    static void engine() {
        engine = new DockerEngine();
        runner = new LocalRunner(engine, Clock.systemUTC());
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timer-python", "timer-java"})
    void timer_firesOnItsSchedule(String template) throws Exception {
        try (var session = start(template)) {
            var log = await(e -> e instanceof LogLine l && l.text().contains("tick; past due"));
            assertThat(log.toString()).contains("past due: no");
            assertThat(finished("tick").status()).isEqualTo(200);
        }
    }

    @Test
    void timer_failingRun_isRetriedAsHostJsonSays() throws Exception {
        var project = scaffold("timer-python");
        Files.writeString(project.resolve("handler.py"), Files.readString(project.resolve("handler.py"))
                .replace("def tick(timer, ctx):\n", "def tick(timer, ctx):\n    raise RuntimeError(\"database down\")\n"));
        Files.writeString(project.resolve("host.json"), Files.readString(project.resolve("host.json")).replaceFirst("\\{",
                "{\"retry\": {\"strategy\": \"fixedDelay\", \"maxRetryCount\": 2, \"delayInterval\": \"00:00:01\"},"));
        try (var session = open(project)) {
            await(e -> e instanceof dev.berth.runner.event.RunnerNotice n && n.text().contains("retry 2 in 1000 ms"));
            var third = await(e -> e instanceof dev.berth.runner.event.InvocationStarted s && s.summary().contains("retry 2"));
            assertThat(third).isNotNull();
            assertThat(events).filteredOn(e -> e instanceof dev.berth.runner.event.RunnerNotice n
                    && n.text().contains("retry 3")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-python", "queue-java"})
    void queue_messageIsProcessedIntoABlob(String template) throws Exception {
        try (var session = start(template)) {
            session.storage().queues().createIfNotExists("orders");
            session.storage().queues().put("orders",
                    "{\"id\": \"A-7\", \"lines\": [{\"sku\": \"tea\", \"price\": 3.5, \"quantity\": 2}]}");

            await(e -> e instanceof LogLine l && l.text().contains("wrote blob processed/"));
            var blobs = session.storage().blobs().list("processed", "", 10, null).blobs();
            assertThat(blobs).hasSize(1);
            var receipt = session.storage().blobs().get("processed", blobs.getFirst().name());
            assertThat(new String(receipt.content(), StandardCharsets.UTF_8)).contains("A-7").contains("7.0");
            assertThat(session.storage().queues().counts("orders").total()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blob-python", "blob-java"})
    void blob_writtenBlobTriggersAQueueMessage(String template) throws Exception {
        try (var session = start(template)) {
            session.storage().blobs().createContainer("images");
            session.storage().blobs().put("images", "cat.png", "not really a png".getBytes(StandardCharsets.UTF_8),
                    "image/png");

            await(e -> e instanceof LogLine l && l.text().contains("wrote queue thumbnails"));
            var messages = session.storage().queues().peek("thumbnails", 32);
            assertThat(messages).singleElement().satisfies(m -> assertThat(m.text()).contains("cat.png").contains("16"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventgrid-python", "eventgrid-java"})
    void eventGrid_eventPostedToTheTopicReachesItsSubscriber(String template) throws Exception {
        try (var session = start(template)) {
            var key = TopicKey.load(session.app().stateDir()).primary();
            var event = "[{\"id\": \"e-1\", \"subject\": \"orders/42\", \"eventType\": \"Orders.OrderShipped\","
                    + " \"eventTime\": \"2026-11-21T10:00:00Z\", \"data\": {\"order\": 42}, \"dataVersion\": \"1.0\"},"
                    + " {\"id\": \"e-2\", \"subject\": \"invoices/1\", \"eventType\": \"Orders.OrderShipped\","
                    + " \"eventTime\": \"2026-11-21T10:00:00Z\", \"data\": {}, \"dataVersion\": \"1.0\"}]";
            var response = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri()
                            + "/eventgrid/topics/orders/api/events")).header("aeg-sas-key", key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            await(e -> e instanceof LogLine l && l.text().contains("Orders.OrderShipped on orders/42"));
            // The second event's subject does not pass the subscription's filter: never delivered.
            assertThat(events).noneMatch(e -> e instanceof LogLine l && l.text().contains("invoices/1"));
        }
    }

    @Test
    void orderPipeline_httpToQueueToBlobToEventGrid() throws Exception {
        try (var session = start("order-pipeline")) {
            var response = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\": \"P-1\", \"lines\": [{\"sku\": \"tea\", \"price\": 2, \"quantity\": 3}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);

            await(e -> e instanceof LogLine l && l.text().startsWith("receipt ") && l.text().endsWith("bytes)"));
            assertThat(session.storage().blobs().list("receipts", "", 10, null).blobs()).hasSize(1);
            // Started in pipeline order; `orders` finishes only after its queue output is written, which may be
            // after `process` has already run.
            assertThat(events).filteredOn(dev.berth.runner.event.InvocationStarted.class::isInstance)
                    .extracting(e -> ((dev.berth.runner.event.InvocationStarted) e).function())
                    .containsSubsequence("orders", "process", "notify");
        }
    }

    @Test
    void queue_inputBlobBinding_readsTheBlobNamedByTheMessage() throws Exception {
        var project = scaffold("queue-python");
        var functionJson = project.resolve("process/function.json");
        Files.writeString(functionJson, Files.readString(functionJson).replace("\"bindings\": [",
                "\"bindings\": [\n    {\"type\": \"blob\", \"direction\": \"in\", \"name\": \"prices\","
                        + " \"path\": \"config/{id}.json\", \"connection\": \"AzureWebJobsStorage\"},"));
        Files.writeString(project.resolve("handler.py"), Files.readString(project.resolve("handler.py"))
                .replace("def process(order, ctx):\n", "def process(order, ctx):\n    ctx.log(\"prices: %s\" % ctx.inputs.get(\"prices\"))\n"));
        try (var session = open(project)) {
            session.storage().blobs().createContainer("config");
            session.storage().blobs().put("config", "B-1.json", "{\"tea\": 3}".getBytes(StandardCharsets.UTF_8),
                    "application/json");
            session.storage().queues().createIfNotExists("orders");
            session.storage().queues().put("orders", "{\"id\": \"B-1\", \"lines\": []}");

            var line = await(e -> e instanceof LogLine l && l.text().startsWith("prices: "));
            assertThat(((LogLine) line).text()).contains("tea").contains("3");
        }
    }

    @Test
    void queue_functionThatAlwaysFails_endsInPoisonAfterExactlyMaxDequeueCount() throws Exception {
        var project = scaffold("queue-python");
        Files.writeString(project.resolve("host.json"), Files.readString(project.resolve("host.json"))
                .replace("\"maxDequeueCount\": 5", "\"maxDequeueCount\": 3")
                .replace("\"visibilityTimeout\": \"00:00:10\"", "\"visibilityTimeout\": \"00:00:00\""));
        try (var session = open(project)) {
            session.storage().queues().createIfNotExists("orders");
            session.storage().queues().put("orders", "{\"id\": \"broken\"}"); // no lines: the function raises

            await(e -> session.storage().queues().counts("orders").poison() == 1);
            var poisoned = session.storage().queues().peek("orders-poison", 1).getFirst();
            assertThat(poisoned.text()).contains("broken");
            assertThat(poisoned.dequeueCount()).isEqualTo(3);
            assertThat(events).filteredOn(e -> e instanceof InvocationFinished f && f.function().equals("process"))
                    .hasSize(3).allSatisfy(e -> assertThat(((InvocationFinished) e).status()).isEqualTo(502));
        }
    }

    private RunSession start(String template) throws Exception {
        return open(scaffold(template));
    }

    private Path scaffold(String template) throws Exception {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find(template).orElseThrow(), dir.resolve("app"),
                "e2e-" + template);
    }

    private RunSession open(Path project) throws Exception {
        var session = runner.start(project, new RunOptions(0, false), events::add);
        await(e -> e instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY);
        return session;
    }

    private InvocationFinished finished(String function) throws InterruptedException {
        return (InvocationFinished) await(e -> e instanceof InvocationFinished f && f.function().equals(function));
    }

    /// The first event that matches (or, for a predicate on state, any event once the state holds).
    private RunnerEvent await(Predicate<RunnerEvent> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var event : events) if (matches.test(event)) return event;
            Thread.sleep(50);
        }
        throw new AssertionError("nothing matched within " + WAIT + "; events:\n" + String.join("\n",
                events.stream().map(Object::toString).toList()));
    }
}
