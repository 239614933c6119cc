package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunException;
import dev.berth.runner.session.RunOptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Every template, scaffolded, built and run in real Docker, called through the ingress.
@Tag("docker")
class TemplatesEndToEndIT {
    private static DockerEngine engine;
    private static LocalRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();

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
    @ValueSource(strings = {"http-python", "http-java"})
    void template_scaffoldRunCallStop_answersAndLeavesNoContainer(String templateId) throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find(templateId).orElseThrow(),
                dir.resolve("app"), "e2e-" + templateId);
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        var ready = new CountDownLatch(1);
        List<String> containers;
        try (var session = runner.start(project, new RunOptions(0, false), event -> {
            events.add(event);
            if (event instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY) ready.countDown();
        })) {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("a replica became ready; events: %s", events).isTrue();

            var response = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/hello/Ada")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, Ada!");
            assertThat(session.recentInvocations(5)).first().satisfies(i -> {
                assertThat(i.function()).isEqualTo("hello");
                assertThat(i.status()).isEqualTo(200);
            });
            containers = session.replicas().stream().map(r -> r.containerId()).toList();
            assertThat(containers).isNotEmpty();
        }
        for (var id : containers) assertThat(engine.status(id).exists()).as("container %s removed", id).isFalse();
    }

    @Test
    void replicaCrashingMidRun_isRestartedAndServesAgain() throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                dir.resolve("crashy"), "crashy");
        // A function that takes its whole process down, as a segfaulting native library would.
        Files.writeString(project.resolve("handler.py"), Files.readString(project.resolve("handler.py"))
                .replace("    log(\"greeting \" + name)", "    log(\"greeting \" + name)\n    if name == \"crash\":\n        os._exit(9)"));
        var states = Collections.synchronizedList(new ArrayList<ReplicaStateChanged>());
        var readyTwice = new CountDownLatch(2);
        try (var session = runner.start(project, new RunOptions(0, false), event -> {
            if (event instanceof ReplicaStateChanged r) {
                states.add(r);
                if (r.state() == ReplicaState.READY) readyTwice.countDown();
            }
        })) {
            var crash = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/hello/crash")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(crash.statusCode()).isEqualTo(502);

            assertThat(readyTwice.await(120, TimeUnit.SECONDS)).as("restarted and ready again; states: %s", states).isTrue();
            var after = http.send(HttpRequest.newBuilder(URI.create(session.ingressUri() + "/api/hello/Ada")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).isEqualTo("Hello, Ada!");
            assertThat(states).extracting(ReplicaStateChanged::state).contains(ReplicaState.CRASHED, ReplicaState.RESTARTING);
            assertThat(states).filteredOn(r -> r.state() == ReplicaState.CRASHED).first()
                    .satisfies(r -> assertThat(r.detail()).contains("exit code 9"));
            assertThat(session.replicas()).singleElement().satisfies(r -> assertThat(r.restarts()).isEqualTo(1));
        }
    }

    @Test
    void javaDebug_oneReplicaWithJdwpOnLoopback_answersTheHandshake() throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-java").orElseThrow(),
                dir.resolve("debug"), "debug-java");
        var ready = new CountDownLatch(1);
        try (var session = runner.start(project, new RunOptions(0, true), event -> {
            if (event instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY) ready.countDown();
        })) {
            assertThat(ready.await(120, TimeUnit.SECONDS)).isTrue();
            assertThat(session.replicas()).hasSize(1);
            var endpoint = session.debug().orElseThrow();
            assertThat(endpoint.host()).isEqualTo("127.0.0.1");

            // What an IDE does first when it attaches: the JDWP handshake, echoed by the agent.
            try (var socket = new java.net.Socket(endpoint.host(), endpoint.port())) {
                socket.setSoTimeout(10_000);
                var handshake = "JDWP-Handshake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                socket.getOutputStream().write(handshake);
                assertThat(socket.getInputStream().readNBytes(handshake.length)).isEqualTo(handshake);
            }
        }
    }

    @Test
    void failingImageBuild_reportsTheFailingStepAndLog() throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                dir.resolve("broken"), "broken");
        Files.writeString(project.resolve("Dockerfile"), Files.readString(project.resolve("Dockerfile"))
                + "\nRUN echo about-to-fail && false\n");

        assertThatThrownBy(() -> runner.start(project, new RunOptions(0, false), e -> { }))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("about-to-fail");
    }
}
