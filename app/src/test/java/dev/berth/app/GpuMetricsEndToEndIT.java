package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.gpu.CommandRunner;
import dev.berth.runner.gpu.GpuMeter;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// A GPU app in real containers, with the GPU side stood in: the engine acts as if the NVIDIA toolkit were
/// installed ([NvidiaStandInEngine]) and `nvidia-smi` is a stand-in that reports one busy T4 and lists every
/// handler process of this machine as holding 700 MiB on it, as the real one lists host processes. What is
/// real: the session's sampler finding each replica's processes through `docker top`, the events in SQLite,
/// and the GPU scale rule adding a replica because the GPU is busier than its target.
@Tag("docker")
class GpuMetricsEndToEndIT {
    private static final long PER_PROCESS_MIB = 700;

    @TempDir Path dir;

    private final AtomicInteger busy = new AtomicInteger(95);

    /// Answers both of the meter's queries like a host with one T4.
    private final CommandRunner standInSmi = (command, timeout) -> {
        var handlers = handlerPids();
        if (command.stream().anyMatch(arg -> arg.startsWith("--query-compute-apps="))) {
            return new CommandRunner.Output(0, handlers.stream().map(pid -> "GPU-standin-t4, " + pid + ", " + PER_PROCESS_MIB)
                    .collect(Collectors.joining("\n")));
        }
        return new CommandRunner.Output(0, "0, GPU-standin-t4, " + busy.get() + ", " + handlers.size() * PER_PROCESS_MIB
                + ", 15360\n");
    };

    private static List<Long> handlerPids() throws IOException {
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return Files.readString(p.resolve("cmdline")).contains("handler.py");
                } catch (IOException gone) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private Path gpuProject() throws IOException {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                dir.resolve("gpu-app"), "gpu-app");
        var yaml = project.resolve("containerapp.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("properties:\n", "properties:\n  workloadProfileName: Consumption-GPU-NC8as-T4\n")
                .replace("maxReplicas: 10", """
                        maxReplicas: 2
                              rules:
                                - name: busy-gpu
                                  custom:
                                    type: gpu
                                    metadata:
                                      type: Utilization
                                      value: "50\""""));
        var settings = project.resolve("local.settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"GREETING\": \"Hello\"",
                "\"GREETING\": \"Hello\", \"BERTH_SCALE_POLLING_SECONDS\": \"1\""));
        return project;
    }

    @Test
    void busyGpu_isSampledPerReplica_storedInSqlite_andScalesOutOnTheGpuRule() throws Exception {
        var project = gpuProject();
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        try (var engine = new NvidiaStandInEngine(new DockerEngine());
             var session = new LocalRunner(engine, Clock.systemUTC(), new GpuMeter(standInSmi))
                     .start(project, new RunOptions(0, false), events::add)) {
            await(events, e -> e instanceof ScaleDecision d && d.desired() == 2 && d.winner().equals("busy-gpu"), 120);
            await(events, e -> e instanceof GpuMetrics m && !m.replicaId().equals(firstReplica(events)), 120);

            assertThat(engine.requested()).as("each replica asked for the T4 profile's one GPU").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
            assertThat(of(events, ScaleDecision.class)).anySatisfy(d ->
                    assertThat(d.reason()).isEqualTo("gpu 95% / target 50% → 2 replicas"));
            assertThat(of(events, GpuMetrics.class)).allSatisfy(m -> {
                assertThat(m.devices()).containsExactly("0");
                assertThat(m.utilisationPercent()).isEqualTo(95);
                assertThat(m.memoryTotalMiB()).isEqualTo(15360);
                assertThat(m.memoryUsedMiB()).as("its own handler process, found through docker top")
                        .isEqualTo(PER_PROCESS_MIB);
            });
            assertThat(session.replicas()).allSatisfy(r -> assertThat(r.gpu().describe()).isEqualTo("1 GPU"));
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + project.resolve(".berth/berth.db"));
             var rows = db.createStatement().executeQuery("SELECT count(*), count(DISTINCT json_extract(body, '$.replicaId'))"
                     + " FROM events WHERE kind = 'GpuMetrics'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("samples stored").isGreaterThanOrEqualTo(2);
            assertThat(rows.getInt(2)).as("replicas sampled").isEqualTo(2);
        }
    }

    private static String firstReplica(List<RunnerEvent> events) {
        return of(events, GpuMetrics.class).stream().map(GpuMetrics::replicaId).findFirst().orElse("");
    }

    private static <T> List<T> of(List<RunnerEvent> events, Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static void await(List<RunnerEvent> events, Predicate<RunnerEvent> test, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                if (events.stream().anyMatch(test)) return;
            }
            Thread.sleep(100);
        }
        synchronized (events) {
            assertThat(events.stream().anyMatch(test)).as("awaited event; got %s", events.stream()
                    .filter(e -> e instanceof ScaleDecision || e instanceof GpuMetrics).toList()).isTrue();
        }
    }
}
