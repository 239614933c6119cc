package dev.berth.runner.docker;

import dev.berth.runner.build.ImageBuilder;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Runs real containers on the local dockerd from a tiny python3 HTTP server image built on the local
/// python base (built by debootstrap if missing). Removes every container and tag it makes.
@Tag("docker")
class DockerEngineIT {
    private static final String SESSION = "it-engine-" + ProcessHandle.current().pid();
    private static final String IMAGE = "berth-it/engine-server:" + ProcessHandle.current().pid();
    private static DockerEngine engine;

    @TempDir static Path context;

    @BeforeAll static void buildServerImage() throws Exception {
        engine = new DockerEngine();
        var base = new ImageBuilder(engine).ensureBase("python", line -> {});
        Files.writeString(context.resolve("server.py"), """
                import http.server, os
                class H(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
                print("listening", flush=True)
                http.server.HTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), H).serve_forever()
                """);
        Files.writeString(context.resolve("Dockerfile"), """
                ARG BASE_IMAGE
                FROM ${BASE_IMAGE}
                COPY server.py /srv/server.py
                USER 10001
                CMD ["python3", "/srv/server.py"]
                """);
        engine.build(new ImageBuildRequest(context, context.resolve("Dockerfile"), IMAGE, Map.of("BASE_IMAGE", base),
                Map.of("berth.project", "it")), line -> {});
    }

    @AfterAll static void cleanUp() {
        engine.managedContainers(SESSION).forEach(id -> engine.stopAndRemove(id, Duration.ZERO));
        engine.removeImage(IMAGE);
        engine.close();
    }

    @Test void info_localEngine_reportsVersionAndGpuAnswer() throws Exception {
        var info = engine.info();
        assertThat(info.version()).isNotBlank();
        assertThat(info.apiVersion()).isNotBlank();
        assertThat(info.gpuDetail()).isNotBlank();
    }

    @Test void start_serverWithLimits_loopbackPortLimitsLabelsAndAnswers() throws Exception {
        var started = engine.start(spec(List.of(), 64L << 20, 500_000_000L, List.of(8080)));

        var inspect = engine.client().inspectContainerCmd(started.id()).exec();
        var host = inspect.getHostConfig();
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(inspect.getConfig().getLabels()).containsEntry("berth.managed", "true")
                .containsEntry("berth.pid", Long.toString(ProcessHandle.current().pid()))
                .containsEntry("berth.session", SESSION);
        var bindings = inspect.getNetworkSettings().getPorts().getBindings().values().stream()
                .flatMap(b -> java.util.Arrays.stream(b)).toList();
        assertThat(bindings).isNotEmpty().allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1"));

        int port = started.hostPorts().get(8080);
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build();
        assertThat(poll(Duration.ofSeconds(30), () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        })).isTrue();
        assertThat(engine.status(started.id()).running()).isTrue();
        assertThat(engine.managedContainers(SESSION)).contains(started.id());
        engine.stopAndRemove(started.id(), Duration.ofSeconds(1));
    }

    /// How replicas reach the durable backend: by the name host.docker.internal, at the bridge gateway
    /// address the backend also listens on (it is not on 0.0.0.0).
    @Test void start_container_reachesTheDurableBackendAsHostDockerInternal(@TempDir Path db) throws Exception {
        var gateway = engine.bridgeGateway();
        assertThat(gateway).as("the local engine's bridge gateway").isPresent();
        try (var backend = dev.berth.runner.durable.DurableBackend.start(new dev.berth.runner.durable.DurableBackend.Settings(
                db.resolve("berth.db"), 0, List.of(gateway.get()), true, "default", List.of(),
                java.time.Clock.systemUTC(), event -> { }))) {
            int port = backend.port().orElseThrow();
            var started = engine.start(spec(List.of("python3", "-c", "import socket; socket.create_connection(("
                    + "'host.docker.internal', " + port + "), 5); print('connected', flush=True)"), 0, 0, List.of()));
            var lines = Collections.synchronizedList(new ArrayList<String>());
            try (var follow = engine.followLogs(started.id(), (stream, text) -> lines.add(text))) {
                assertThat(poll(Duration.ofSeconds(30), () -> lines.contains("connected") || !engine.status(started.id()).running()))
                        .isTrue();
                assertThat(poll(Duration.ofSeconds(5), () -> lines.contains("connected"))).as("container said: %s", lines).isTrue();
            } finally {
                engine.stopAndRemove(started.id(), Duration.ZERO);
            }
        }
    }

    /// What the cpu and memory scale rules read: a container spinning a loop uses most of the half cpu it
    /// was given, and some of its memory limit.
    @Test void usage_busyContainer_reportsCpuOfItsLimitAndMemory() throws Exception {
        var started = engine.start(spec(List.of("python3", "-c", "while True: pass"), 64L << 20, 500_000_000L, List.of()));
        try {
            assertThat(poll(Duration.ofSeconds(20), () -> engine.usage(started.id())
                    .filter(u -> u.cpuPercent() > 50).isPresent())).as("cpu near its 0.5 limit").isTrue();
            var use = engine.usage(started.id()).orElseThrow();
            assertThat(use.cpuPercent()).isLessThan(150);
            assertThat(use.memoryPercent()).isBetween(0.1, 100.0);
        } finally {
            engine.stopAndRemove(started.id(), Duration.ZERO);
        }
        assertThat(engine.usage(started.id())).as("a removed container").isEmpty();
    }

    @Test void followLogs_bothStreamsAndLineWrittenInTwoParts_arriveAsWholeLines() throws Exception {
        var started = engine.start(spec(List.of("sh", "-c",
                "for i in 1 2 3; do echo out$i; echo err$i >&2; sleep 0.2; done; printf par; sleep 0.3; echo tial; while true; do echo tick; sleep 0.1; done"),
                0, 0, List.of()));
        var lines = Collections.synchronizedList(new ArrayList<String>());
        var follow = engine.followLogs(started.id(), (stream, text) -> lines.add(stream + ":" + text));
        try {
            assertThat(poll(Duration.ofSeconds(20), () -> lines.contains("stdout:tick"))).as("%s", lines).isTrue();
        } finally {
            follow.close();
        }
        int seen = lines.size();
        Thread.sleep(500); // the container prints every 100 ms, so an open follow would have grown the list
        assertThat(lines).as("no lines after the follow was closed").hasSize(seen);
        assertThat(lines).containsSubsequence("stdout:out1", "stdout:out2", "stdout:out3", "stdout:partial")
                .containsSubsequence("stderr:err1", "stderr:err2", "stderr:err3");
        engine.stopAndRemove(started.id(), Duration.ZERO);
    }

    @Test void crash_statusHasExitCodeAndTailLogsHasLastLines() throws Exception {
        var started = engine.start(spec(List.of("sh", "-c", "echo first; sleep 0.3; echo boom >&2; exit 7"), 0, 0, List.of()));
        assertThat(poll(Duration.ofSeconds(20), () -> !engine.status(started.id()).running())).isTrue();

        var status = engine.status(started.id());
        assertThat(status.exists()).isTrue();
        assertThat(status.exitCode()).isEqualTo(7);
        assertThat(status.oomKilled()).isFalse();
        assertThat(engine.tailLogs(started.id(), 1)).containsExactly("boom");
        assertThat(engine.tailLogs(started.id(), 10)).containsExactly("first", "boom");
        engine.stopAndRemove(started.id(), Duration.ZERO);
    }

    @Test void tinyMemoryLimit_allocatingProcess_isOomKilled() throws Exception {
        var started = engine.start(spec(List.of("python3", "-c", "b = bytearray(512 * 1024 * 1024); print(len(b))"),
                24L << 20, 0, List.of()));
        assertThat(poll(Duration.ofSeconds(30), () -> !engine.status(started.id()).running())).isTrue();
        var status = engine.status(started.id());
        assertThat(status.oomKilled()).isTrue();
        assertThat(status.exitCode()).isEqualTo(137);
        engine.stopAndRemove(started.id(), Duration.ZERO);
    }

    @Test void stopAndRemove_twiceAndUnknown_neverThrows() throws Exception {
        var started = engine.start(spec(List.of(), 0, 0, List.of(8080)));
        engine.stopAndRemove(started.id(), Duration.ofSeconds(1));
        engine.stopAndRemove(started.id(), Duration.ofSeconds(1));
        engine.stopAndRemove("berth-no-such-container", Duration.ZERO);
        assertThat(engine.status(started.id()).exists()).isFalse();
        assertThat(engine.tailLogs(started.id(), 5)).isEmpty();
    }

    @Test void reapOrphans_deadOwner_removedAndOursKept() throws Exception {
        var process = new ProcessBuilder("true").start();
        process.waitFor();
        String orphan;
        try (var deadOwner = new DockerEngine(dockerHost(), process.pid())) {
            orphan = deadOwner.start(spec(List.of("sleep", "300"), 0, 0, List.of())).id();
        }
        var ours = engine.start(spec(List.of("sleep", "300"), 0, 0, List.of())).id();

        int reaped = engine.reapOrphans();

        assertThat(reaped).isGreaterThanOrEqualTo(1);
        assertThat(engine.status(orphan).exists()).isFalse();
        assertThat(engine.status(ours).running()).isTrue();
        engine.stopAndRemove(ours, Duration.ZERO);
    }

    @Test void start_missingImage_saysBuildItFirst() {
        var spec = new ContainerSpec("berth-it/no-such-image:0", null, Map.of("berth.session", SESSION), Map.of(),
                List.of(), 0, 0, List.of());
        assertThatThrownBy(() -> engine.start(spec)).isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("build it first");
    }

    @Test void start_commandMissingInImage_removesTheCreatedContainer() {
        var before = engine.managedContainers(SESSION).size();
        assertThatThrownBy(() -> engine.start(spec(List.of("/no/such/binary"), 0, 0, List.of())))
                .isInstanceOf(ContainerStartException.class).hasMessageContaining("did not start");
        assertThat(engine.managedContainers(SESSION)).hasSize(before);
    }

    @Test void start_gpuRequestedWithoutNvidiaRuntime_explainsAndLeavesNoContainer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(engine.info().gpuAvailable(), "this engine has a GPU runtime");
        var before = engine.managedContainers(SESSION).size();
        var spec = new ContainerSpec(IMAGE, null, Map.of("berth.session", SESSION), Map.of(), List.of(), 0, 0, List.of(),
                dev.berth.runner.container.GpuRequest.all());
        assertThatThrownBy(() -> engine.start(spec)).isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("no NVIDIA runtime or device driver is registered with Docker")
                // The replicas read the same message to fall back to CPU or to fail with the cause.
                .satisfies(e -> assertThat(dev.berth.runner.replica.GpuRefusal.of(e.getMessage()))
                        .hasValueSatisfying(r -> assertThat(r.cause()).contains("no NVIDIA runtime")));
        assertThat(engine.managedContainers(SESSION)).hasSize(before);
    }

    @Test void build_failingStep_throwsWithStepAndLog(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM berth/base-python:bookworm\nRUN echo nope-output && false\n");
        var tag = "berth-it/fail:" + ProcessHandle.current().pid();
        try {
            assertThatThrownBy(() -> engine.build(new ImageBuildRequest(context, context.resolve("Dockerfile"), tag,
                    Map.of(), Map.of()), line -> {}))
                    .isInstanceOf(ImageBuildException.class)
                    .hasMessageContaining("Step 2/3 : RUN echo nope-output && false")
                    .hasMessageContaining("nope-output");
        } finally {
            engine.removeImage(tag);
        }
    }

    @Test void tryPull_noRegistry_falseFastAndCached() {
        var started = Instant.now();
        assertThat(engine.tryPull("busybox:berth-it-unreachable", Duration.ofSeconds(8))).isFalse();
        var first = Duration.between(started, Instant.now());
        var again = Instant.now();
        assertThat(engine.tryPull("alpine:berth-it-unreachable", Duration.ofSeconds(8))).isFalse();
        assertThat(first).isLessThan(Duration.ofSeconds(10));
        assertThat(Duration.between(again, Instant.now())).isLessThan(Duration.ofMillis(200));
    }

    private static ContainerSpec spec(List<String> command, long memory, long nanoCpus, List<Integer> ports) {
        var env = new HashMap<String, String>();
        env.put("PORT", "8080");
        return new ContainerSpec(IMAGE, null, Map.of("berth.session", SESSION, "berth.project", "it"), env, ports,
                nanoCpus, memory, command);
    }

    private static String dockerHost() {
        var env = System.getenv("DOCKER_HOST");
        return env != null ? env : "unix:///var/run/docker.sock";
    }

    private static boolean poll(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
