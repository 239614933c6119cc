package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RevisionChanged;
import dev.berth.runner.event.RunnerEvent;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/// Revisions in real Docker: a saved file rolls out a new revision with no failed request, and two
/// revisions at 80/20 split 1,000 requests within 3 points.
@Tag("docker")
class RevisionsEndToEndIT {
    private static DockerEngine engine;
    private static LocalRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RunnerEvent> events = Collections.synchronizedList(new ArrayList<>());

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

    private Path scaffold(String name) throws Exception {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(), dir.resolve(name), name);
    }

    private RunSession start(Path project) throws Exception {
        var ready = new CountDownLatch(1);
        var session = runner.start(project, new RunOptions(0, false), event -> {
            events.add(event);
            if (event instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY) ready.countDown();
        });
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("first replica ready; events %s", events).isTrue();
        return session;
    }

    private static void greet(Path project, String greeting) throws Exception {
        var handler = project.resolve("handler.py");
        // local.settings.json sets GREETING, so the code itself changes.
        Files.writeString(handler, Files.readString(handler).replace("os.environ.get(\"GREETING\", \"Hello\")",
                "\"" + greeting + "\""));
    }

    private HttpResponse<String> hello(RunSession session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/hello/Ada")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitEvent(Predicate<RunnerEvent> wanted, String what) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                if (events.stream().anyMatch(wanted)) return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " did not happen; events " + events);
    }

    @Test
    void savedFile_singleMode_newRevisionServesWithNoFailedRequest() throws Exception {
        var project = scaffold("rollout");
        try (var session = start(project)) {
            var first = session.revisions().revisions().getFirst().name();
            var failures = new ConcurrentHashMap<String, Integer>();
            var ok = new AtomicInteger();
            var stop = new AtomicBoolean();
            var clients = new ArrayList<Thread>();
            for (int i = 0; i < 4; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (!stop.get()) {
                        try {
                            var response = hello(session);
                            if (response.statusCode() / 100 == 2) ok.incrementAndGet();
                            else failures.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                        } catch (Exception e) {
                            failures.merge(e.toString(), 1, Integer::sum);
                        }
                    }
                }));
            }

            greet(project, "Howdy");
            awaitEvent(e -> e instanceof RevisionChanged r && r.revision().equals(first)
                    && r.change() == RevisionChanged.Change.RETIRED, "the old revision retiring");
            Thread.sleep(200); // requests keep flowing after the old one is gone
            stop.set(true);
            for (var client : clients) client.join(10_000);

            assertThat(hello(session).body()).isEqualTo("Howdy, Ada!");
            assertThat(failures).as("non-2xx answers during the rollout").isEmpty();
            assertThat(ok.get()).isGreaterThan(20);
            assertThat(session.revisions().revisions()).hasSize(2).last()
                    .satisfies(r -> assertThat(r.latest()).isTrue());
            assertThat(session.replicas()).allSatisfy(r -> assertThat(r.revision()).isNotEqualTo(first));
        }
    }

    @Test
    void twoRevisionsAt8020_thousandRequestsSplitWithinThreePoints() throws Exception {
        var project = scaffold("split");
        var yaml = project.resolve("containerapp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("activeRevisionsMode: Single", "activeRevisionsMode: Multiple"));
        try (var session = start(project)) {
            var first = session.revisions().revisions().getFirst().name();
            greet(project, "Howdy");
            awaitEvent(e -> e instanceof RevisionChanged r && !r.revision().equals(first)
                    && r.change() == RevisionChanged.Change.READY, "the second revision becoming ready");
            var second = session.revisions().revisions().getLast().name();

            session.revisions().setTraffic(Map.of(first, 80, second, 20), null);
            int hello = 0;
            int howdy = 0;
            for (int i = 0; i < 1000; i++) {
                var body = hello(session).body();
                if (body.startsWith("Hello")) hello++;
                else if (body.startsWith("Howdy")) howdy++;
            }

            assertThat(hello + howdy).isEqualTo(1000);
            assertThat(hello / 10.0).isBetween(77.0, 83.0);
            assertThat(howdy / 10.0).isBetween(17.0, 23.0);
            assertThat(session.revisions().traffic()).filteredOn(t -> t.revision().equals(first)).singleElement()
                    .satisfies(t -> {
                        assertThat(t.weight()).isEqualTo(80);
                        assertThat(t.observedPercent()).isBetween(75.0, 85.0); // the minute also holds the setup requests
                    });
            // A label routes on its own, by header.
            session.revisions().setTraffic(Map.of(first, 100, second, 0), Map.of("canary", second));
            var labelled = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/hello/Ada"))
                    .header("x-berth-revision-label", "canary").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(labelled.body()).isEqualTo("Howdy, Ada!");
        }
    }
}
