package dev.berth.app.cli;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.trigger.ProjectStorage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/// The `berth` command line as a user runs it: a separate process, real Docker, real signals.
@Tag("docker")
class BerthCliIT {
    private static final Pattern SERVING = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern CONTAINER = Pattern.compile("READY \\(container ([0-9a-f]+)\\)");

    @TempDir Path dir;

    @Test
    void templatesAndNew_listAndScaffold() throws Exception {
        try (var list = BerthProcess.start(dir, "templates")) {
            assertThat(list.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(list.output()).contains("http-python").contains("http-java");
        }
        try (var created = BerthProcess.start(dir, "new", "http-python", "my-app")) {
            assertThat(created.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        assertThat(dir.resolve("my-app/host.json")).exists();
        try (var again = BerthProcess.start(dir, "new", "http-python", "my-app")) {
            assertThat(again.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(again.output()).contains("my-app");
        }
        try (var unknown = BerthProcess.start(dir, "new", "cobol-http", "other")) {
            assertThat(unknown.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(unknown.output()).contains("No template 'cobol-http'").contains("http-python");
        }
    }

    @Test
    void run_thenSigterm_servesRequestsAndRemovesItsContainers() throws Exception {
        scaffold("app");
        String container;
        try (var berth = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            var serving = SERVING.matcher(berth.awaitLine(l -> SERVING.matcher(l).find(), Duration.ofMinutes(3)));
            assertThat(serving.find()).isTrue();
            var ready = CONTAINER.matcher(berth.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(2)));
            assertThat(ready.find()).isTrue();
            container = ready.group(1);

            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serving.group(1) + "/api/hello?name=CLI")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("Hello, CLI!");
            berth.awaitLine(l -> l.contains("done     hello 200"), Duration.ofSeconds(30));

            berth.terminate();
            int code = berth.awaitExit(Duration.ofSeconds(60));
            assertThat(berth.output()).as("exit code %d", code).contains("stopped; containers removed");
        }
        try (var engine = new DockerEngine()) {
            assertThat(engine.status(container).exists()).as("container %s is gone", container).isFalse();
        }
    }

    @Test
    void run_ctrlC_stopsAndRemovesItsContainers() throws Exception {
        scaffold("app");
        String container;
        try (var berth = BerthProcess.start(dir, Map.of(), true, "run", "app", "--port", "0")) {
            var ready = CONTAINER.matcher(berth.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(3)));
            assertThat(ready.find()).isTrue();
            container = ready.group(1);

            berth.interrupt();

            berth.awaitExit(Duration.ofSeconds(60));
            assertThat(berth.output()).contains("stopped; containers removed");
        }
        try (var engine = new DockerEngine()) {
            assertThat(engine.status(container).exists()).as("container %s is gone", container).isFalse();
        }
    }

    @Test
    void run_replicaExitsAtStart_reportsExitCodeAndLastLogLines() throws Exception {
        scaffold("app");
        Files.writeString(dir.resolve("app/handler.py"),
                "import sys\nprint('boom: DATABASE_URL is not set', flush=True)\nsys.exit(3)\n");
        try (var berth = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            var crashed = berth.awaitLine(l -> l.contains("exit code 3"), Duration.ofMinutes(3));
            // The crash report lists the container's last lines right under the replica's line.
            berth.awaitLine(l -> l.contains("boom: DATABASE_URL is not set") && !l.contains(" log "), Duration.ofSeconds(30));

            assertThat(crashed).contains("FAILED").contains("OOM killed: no");
        }
    }

    @Test
    void run_dockerUnreachable_exitsSayingWhyAndHowToFix() throws Exception {
        scaffold("app");
        var socket = dir.resolve("no-docker.sock");
        try (var berth = BerthProcess.start(dir, Map.of("DOCKER_HOST", "unix://" + socket), false,
                "run", "app", "--port", "0")) {
            assertThat(berth.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
            assertThat(berth.output()).contains("Cannot run app").contains("Docker").contains(socket.toString());
        }
    }

    @Test
    void run_afterAKilledRun_reapsTheContainerItLeftBehind() throws Exception {
        scaffold("app");
        String leftover;
        try (var crashed = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            var ready = CONTAINER.matcher(crashed.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(3)));
            assertThat(ready.find()).isTrue();
            leftover = ready.group(1);

            crashed.kill(); // SIGKILL: no shutdown hook, the container stays behind
            crashed.awaitExit(Duration.ofSeconds(30));
        }
        try (var engine = new DockerEngine()) {
            assertThat(engine.status(leftover).exists()).as("the killed run left %s", leftover).isTrue();
        }

        try (var next = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            next.awaitLine(l -> l.contains("removed 1 container(s) left by a crashed session"), Duration.ofMinutes(2));
            next.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(2));
            next.terminate();
            next.awaitExit(Duration.ofSeconds(60));
        }
        try (var engine = new DockerEngine()) {
            assertThat(engine.status(leftover).exists()).as("container %s reaped", leftover).isFalse();
        }
    }

    @Test
    void invoke_whileRunning_runsTheFunctionAndPrintsItsAnswer_andWithoutASessionSaysHowToStartOne() throws Exception {
        scaffold("app");
        try (var none = BerthProcess.start(dir, "invoke", "app", "hello")) {
            assertThat(none.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(none.output()).contains("No running session serves app").contains("berth run app");
        }
        try (var berth = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            berth.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(3));

            try (var invoke = BerthProcess.start(dir, "invoke", "app", "hello", "--input", "{\"path\": \"hello/Ada\"}")) {
                assertThat(invoke.awaitExit(Duration.ofSeconds(60))).as(invoke::output).isZero();
                assertThat(invoke.output()).contains("hello → 200").contains("log | greeting Ada").contains("Hello, Ada!");
            }
            try (var unknown = BerthProcess.start(dir, "invoke", "app", "goodbye")) {
                assertThat(unknown.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
                assertThat(unknown.output()).contains("No function 'goodbye'");
            }
            berth.awaitLine(l -> l.contains("invoke   hello") && l.contains("hello/Ada"), Duration.ofSeconds(30));
            berth.terminate();
            berth.awaitExit(Duration.ofSeconds(60));
        }
    }

    @Test
    void run_killedWithMessagesInFlight_losesNoneAndRedeliversTheInFlightOnesAfterTheirLease() throws Exception {
        try (var created = BerthProcess.start(dir, "new", "queue-python", "app")) {
            assertThat(created.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        var project = dir.resolve("app");
        // Slow enough that messages are in flight at the kill; a short lease so they come back quickly.
        Files.writeString(project.resolve("handler.py"), Files.readString(project.resolve("handler.py"))
                .replace("def process(order, ctx):\n", "def process(order, ctx):\n    import time; time.sleep(1.5)\n"));
        Files.writeString(project.resolve("local.settings.json"), Files.readString(project.resolve("local.settings.json"))
                .replace("\"Values\": {", "\"Values\": {\n    \"BERTH_QUEUE_LEASE_SECONDS\": \"3\","));
        var ids = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "K-" + i).toList();
        try (var berth = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            berth.awaitLine(l -> CONTAINER.matcher(l).find(), Duration.ofMinutes(3));
            try (var storage = ProjectStorage.open(project.resolve(".berth"), java.time.Clock.systemUTC())) {
                for (var id : ids) {
                    storage.queues().put("orders", "{\"id\": \"" + id + "\", \"lines\": [{\"price\": 1, \"quantity\": 1}]}");
                }
            }
            berth.awaitLine(l -> l.contains("invoke   process"), Duration.ofSeconds(60));

            berth.kill();
            berth.awaitExit(Duration.ofSeconds(30));
        }
        try (var storage = ProjectStorage.open(project.resolve(".berth"), java.time.Clock.systemUTC())) {
            var counts = storage.queues().counts("orders");
            assertThat(counts.total()).as("unprocessed messages survive the kill").isPositive();
            assertThat(counts.invisible()).as("some were in flight").isPositive();
        }

        try (var again = BerthProcess.start(dir, "run", "app", "--port", "0")) {
            again.awaitLine(l -> l.contains("removed 1 container(s)"), Duration.ofMinutes(2));
            try (var storage = ProjectStorage.open(project.resolve(".berth"), java.time.Clock.systemUTC())) {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (storage.queues().counts("orders").total() > 0 && System.nanoTime() < deadline) Thread.sleep(200);
                assertThat(storage.queues().counts("orders").total()).as("every message processed").isZero();
                var receipts = new StringBuilder();
                for (var blob : storage.blobs().list("processed", "", 1000, null).blobs()) {
                    receipts.append(new String(storage.blobs().get("processed", blob.name()).content(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                for (var id : ids) assertThat(receipts.toString()).as("a receipt for %s", id).contains("\"" + id + "\"");
            }
            again.terminate();
            again.awaitExit(Duration.ofSeconds(60));
        }
    }

    @Test
    void run_portInUse_exitsWithMessageSuggestingPortOption() throws Exception {
        scaffold("app");
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var berth = BerthProcess.start(dir, "run", "app", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(berth.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(berth.output()).contains("already in use").contains("--port " + (taken.getLocalPort() + 1));
        }
    }

    @Test
    void run_malformedHostJson_exitsNamingFileAndLine() throws Exception {
        scaffold("app");
        Files.writeString(dir.resolve("app/host.json"), "{\n  \"version\": \"2.0\",\n  \"customHandler\": {\n}\n");
        try (var berth = BerthProcess.start(dir, "run", "app")) {
            assertThat(berth.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(berth.output()).contains("host.json:");
        }
    }

    private void scaffold(String name) throws Exception {
        try (var created = BerthProcess.start(dir, "new", "http-python", name)) {
            assertThat(created.awaitExit(Duration.ofSeconds(60))).as(created::output).isZero();
        }
    }
}
