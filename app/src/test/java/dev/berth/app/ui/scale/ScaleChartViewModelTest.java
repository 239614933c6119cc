package dev.berth.app.ui.scale;

import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.ScaleDecision;
import org.junit.jupiter.api.Test;

import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.HostConfig;
import dev.berth.runner.project.ProjectProblem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleChartViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final ScaleChartViewModel model = new ScaleChartViewModel();

    private static ReplicaStateChanged replica(long millis, String id, String revision, ReplicaState state) {
        return new ReplicaStateChanged(T0.plusMillis(millis), id, revision, "c0ffee", state, "");
    }

    @Test
    void replicaEvents_countReadyAndAliveReplicasPerRevision() {
        model.onEvents(List.of(replica(0, "a", "r1", ReplicaState.STARTING), replica(500, "a", "r1", ReplicaState.READY),
                replica(600, "b", "r1", ReplicaState.STARTING), replica(700, "c", "r2", ReplicaState.READY),
                replica(900, "a", "r1", ReplicaState.STOPPING)));

        var r1 = model.history().track("r1");
        long at = T0.toEpochMilli();
        assertThat(r1.alive().valueAt(at + 650)).isEqualTo(2);
        assertThat(r1.ready().valueAt(at + 650)).isEqualTo(1);
        assertThat(r1.alive().valueAt(at + 900)).isEqualTo(1);
        assertThat(r1.ready().valueAt(at + 900)).isZero();
        assertThat(model.history().track("r2").ready().valueAt(at + 700)).isEqualTo(1);
        assertThat(model.history().revisions()).containsExactly("r1", "r2");
    }

    @Test
    void scaleDecision_becomesAMarkerWithItsReadings_andQueueBacklogOnTheSecondAxis() {
        var decision = new ScaleDecision(T0, "r1", 1, 5, List.of(
                new ScaleDecision.RuleReading("orders", "azure-queue", 120, 20, 6, true),
                new ScaleDecision.RuleReading("http", "http", 2.5, 10, 1, false)),
                "orders", "queue backlog 120 / target 20 → 6 replicas, capped at max 5");
        long before = model.changesProperty().get();

        model.onEvents(List.of(decision));

        var track = model.history().track("r1");
        assertThat(model.changesProperty().get()).isGreaterThan(before);
        assertThat(track.desired().valueAt(T0.toEpochMilli())).isEqualTo(5);
        assertThat(track.queue().valueAt(T0.toEpochMilli())).isEqualTo(120);
        assertThat(track.markers()).singleElement().satisfies(m -> {
            assertThat(m.reason()).contains("capped at max 5");
            assertThat(m.readings()).containsExactly("orders (azure-queue): 120 / target 20 → 6 replicas",
                    "http (http): 2.5 / target 10 → 1 replica (inactive)");
        });
    }

    @Test
    void invocationsStarted_countPerSecondOnTheRevisionOfTheirReplica() {
        model.onEvents(List.of(replica(0, "a", "r2", ReplicaState.READY),
                new InvocationStarted(T0.plusMillis(1_100), "i1", "hello", "a", "httpTrigger", "GET /"),
                new InvocationStarted(T0.plusMillis(1_800), "i2", "hello", "a", "httpTrigger", "GET /"),
                new InvocationStarted(T0.plusMillis(1_900), "i3", "hello", "gone", "httpTrigger", "GET /")));

        assertThat(model.history().track("r2").requests().valueAt(T0.toEpochMilli() + 1_500)).isEqualTo(2);
        assertThat(model.history().track("r2").requests().valueAt(T0.toEpochMilli() + 2_500)).isZero();
        assertThat(model.history().track(ScaleChartViewModel.UNKNOWN_REVISION).requests().size()).isEqualTo(1);
    }

    @Test
    void appWithScaleWarning_showsOnlyTheScaleWarnings() {
        var never = new ProjectProblem(Path.of("containerapp.yaml"), 0, "properties.template.scale.minReplicas",
                "minReplicas is 0 … never starts again", "set `minReplicas: 1`", ProjectProblem.Severity.WARNING);
        var other = new ProjectProblem(Path.of("host.json"), 3, "version", "old", "fix it", ProjectProblem.Severity.WARNING);
        var app = new FunctionApp(Path.of("app"), new HostConfig("2.0", Optional.empty(), false, "api", "handler"), List.of(),
                Map.of(), new ContainerAppSpec("hello", 8080, 0, 1, 0.5, 512L << 20, Map.of(), Optional.empty()),
                List.of(never, other));

        model.warn(app);

        assertThat(model.warningProperty().get()).isEqualTo(never.describe());
        model.warn(null);
        assertThat(model.warningProperty().get()).isEmpty();
    }

    private static dev.berth.runner.event.GpuMetrics gpu(long millis, String replica, double busy, long memory) {
        return new dev.berth.runner.event.GpuMetrics(T0.plusMillis(millis), "r1", replica, List.of("0"), busy, memory, 16_000);
    }

    @Test
    void gpuSamples_becomePerReplicaSeries_andShowTheGpuChart() {
        assertThat(model.showGpusProperty().get()).isFalse();
        long changes = model.changesProperty().get();

        model.onEvents(List.of(gpu(0, "a", 40, 4_000), gpu(2_000, "a", 90, 8_000), gpu(2_000, "b", 10, 1_600)));

        var a = model.gpus().replicas("r1").get("a");
        long at = T0.toEpochMilli();
        assertThat(a.utilisation().valueAt(at + 1_000)).isEqualTo(40);
        assertThat(a.utilisation().valueAt(at + 2_000)).isEqualTo(90);
        assertThat(a.memory().valueAt(at + 2_000)).isEqualTo(50);
        assertThat(a.latest().memoryUsedMiB()).isEqualTo(8_000);
        assertThat(model.gpus().replicas("r1")).containsOnlyKeys("a", "b");
        assertThat(model.showGpusProperty().get()).isTrue();
        assertThat(model.changesProperty().get()).isGreaterThan(changes);
    }

    @Test
    void replicaStopped_endsItsGpuLinesAtZero() {
        model.onEvents(List.of(gpu(0, "a", 70, 4_000), replica(3_000, "a", "r1", ReplicaState.STOPPED)));

        var a = model.gpus().replicas("r1").get("a");
        assertThat(a.utilisation().valueAt(T0.toEpochMilli() + 3_000)).isZero();
        assertThat(a.memory().valueAt(T0.toEpochMilli() + 3_000)).isZero();
    }
}
