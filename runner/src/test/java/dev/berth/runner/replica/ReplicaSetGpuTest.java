package dev.berth.runner.replica;

import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.project.ContainerAppGpu;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.berth.runner.replica.ReplicaSetTest.awaitTrue;
import static dev.berth.runner.replica.ReplicaSetTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

/// GPU requests of replicas and every fallback path, on the fake engine.
class ReplicaSetGpuTest {
    private static final String REVISION = "gpu--abc1234";
    private static final String NO_DRIVER = "could not select device driver \"\" with capabilities: [[gpu]]";

    @AutoClose private final FakeEngine engine = new FakeEngine();
    private final TestClock clock = new TestClock();
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    /// The one set a test makes, stopped after it.
    @AutoClose private ReplicaSet made;

    private ReplicaSet set(ContainerAppGpu gpu) {
        var template = new ReplicaTemplate("gpu", REVISION, "berth/gpu:latest", Map.of("berth.revision", REVISION),
                Map.of("FUNCTIONS_CUSTOMHANDLER_PORT", "8080"), 8080, 0, 0, Optional.empty(), 0, gpu);
        var settings = new ReplicaSet.Settings(Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(1), new FakeWaits(clock));
        made = new ReplicaSet(engine, template, events::add, clock, settings);
        return made;
    }

    private static ContainerAppGpu gpu(ContainerAppGpu.Mode mode, int count, List<String> ids,
                                       ContainerAppGpu.Sharing sharing) {
        return new ContainerAppGpu(mode, count, ids, sharing, "workload profile NC24-A100 (1 GPU)");
    }

    @Test
    void gpuShared_twoReplicas_bothAskForTheSameGpusWithNvidiaEnv() {
        var set = set(gpu(ContainerAppGpu.Mode.REQUIRE, 2, List.of(), ContainerAppGpu.Sharing.SHARE));

        set.scaleTo(2);

        awaitTrue("two ready", () -> ready(set) == 2);
        assertThat(engine.containers).extracting(c -> c.spec.gpu()).containsOnly(new GpuRequest(2, List.of()));
        assertThat(engine.containers).allSatisfy(c -> assertThat(c.spec.env())
                .containsEntry("NVIDIA_VISIBLE_DEVICES", "0,1")
                .containsEntry("NVIDIA_DRIVER_CAPABILITIES", "compute,utility"));
        assertThat(set.replicas()).extracting(r -> r.gpu().describe()).containsOnly("2 GPUs");
        assertThat(set.replicas()).noneMatch(r -> r.gpu().onCpu());
    }

    @Test
    void gpuSplit_threeReplicasOverTwoDevices_roundRobinLeastUsed() {
        var set = set(gpu(ContainerAppGpu.Mode.PREFER, 0, List.of("GPU-a", "GPU-b"), ContainerAppGpu.Sharing.SPLIT));

        set.scaleTo(3);

        awaitTrue("three ready", () -> ready(set) == 3);
        assertThat(engine.containers).extracting(c -> c.spec.gpu().deviceIds())
                .containsExactlyInAnyOrder(List.of("GPU-a"), List.of("GPU-b"), List.of("GPU-a"));
        assertThat(engine.containers).allSatisfy(c -> assertThat(c.spec.env().get("NVIDIA_VISIBLE_DEVICES"))
                .isEqualTo(c.spec.gpu().deviceIds().getFirst()));
    }

    @Test
    void gpuSplit_replicaGone_itsDeviceGoesToTheNext() {
        var set = set(gpu(ContainerAppGpu.Mode.PREFER, 2, List.of(), ContainerAppGpu.Sharing.SPLIT));
        set.scaleTo(2);
        awaitTrue("two ready", () -> ready(set) == 2);
        assertThat(engine.containers).extracting(c -> c.spec.gpu().deviceIds())
                .containsExactlyInAnyOrder(List.of("0"), List.of("1"));

        set.scaleTo(1);
        awaitTrue("one left", () -> set.replicas().size() == 1);
        var kept = set.replicas().getFirst().gpu().request().deviceIds();
        set.scaleTo(2);
        awaitTrue("two ready again", () -> ready(set) == 2);

        var newest = engine.containers.getLast().spec.gpu().deviceIds();
        assertThat(newest).hasSize(1).doesNotContainAnyElementsOf(kept);
    }

    @Test
    void gpuPrefer_engineRefuses_replicasRunOnCpuWithOneWarning() {
        engine.gpuRefusal = NO_DRIVER;
        var set = set(gpu(ContainerAppGpu.Mode.PREFER, 1, List.of(), ContainerAppGpu.Sharing.SHARE));

        set.scaleTo(2);

        awaitTrue("two ready on CPU", () -> ready(set) == 2);
        // Replicas starting together may each be refused once; after that the revision stays on CPU.
        assertThat(engine.operations).filteredOn(op -> op.startsWith("refused gpu")).hasSizeBetween(1, 2);
        assertThat(engine.containers).allSatisfy(c -> {
            assertThat(c.spec.gpu().requested()).isFalse();
            assertThat(c.spec.env()).doesNotContainKey("NVIDIA_VISIBLE_DEVICES");
        });
        assertThat(set.replicas()).allSatisfy(r -> {
            assertThat(r.gpu().onCpu()).isTrue();
            assertThat(r.gpu().cpuReason()).isEqualTo("no NVIDIA runtime or device driver is registered with Docker");
        });
        assertThat(notices(RunnerNotice.Level.WARNING)).singleElement().satisfies(text -> assertThat(text)
                .contains("NC24-A100").contains("run on CPU").contains("NVIDIA Container Toolkit").contains(NO_DRIVER));
        assertThat(events).filteredOn(e -> e instanceof ReplicaStateChanged c && c.detail().contains("on CPU (")).isNotEmpty();
    }

    @Test
    void gpuRequire_engineRefuses_replicaFailsWithCauseAndFixAndOneError() {
        engine.gpuRefusal = NO_DRIVER;
        var set = set(gpu(ContainerAppGpu.Mode.REQUIRE, 1, List.of(), ContainerAppGpu.Sharing.SHARE));

        set.scaleTo(1);

        awaitTrue("failed", () -> events.stream().anyMatch(e -> e instanceof ReplicaStateChanged c
                && c.state() == ReplicaState.FAILED));
        var failed = events.stream().filter(e -> e instanceof ReplicaStateChanged c && c.state() == ReplicaState.FAILED)
                .map(e -> ((ReplicaStateChanged) e).detail()).findFirst().orElseThrow();
        assertThat(failed).contains("A GPU is required").contains("no NVIDIA runtime or device driver")
                .contains("NVIDIA Container Toolkit").contains("\"BERTH_GPU\": \"prefer\"");
        assertThat(notices(RunnerNotice.Level.ERROR)).singleElement().satisfies(t -> assertThat(t).contains("required"));
        assertThat(engine.containers).isEmpty();
    }

    @Test
    void gpuPrefer_otherStartFailure_isNoGpuFallback() {
        engine.plan(FakeEngine.Plan.FAIL_START);
        var set = set(gpu(ContainerAppGpu.Mode.PREFER, 1, List.of(), ContainerAppGpu.Sharing.SHARE));

        set.scaleTo(1);

        awaitTrue("failed", () -> events.stream().anyMatch(e -> e instanceof ReplicaStateChanged c
                && c.state() == ReplicaState.FAILED && c.detail().contains("not found")));
        assertThat(notices(RunnerNotice.Level.WARNING)).isEmpty();
    }

    @Test
    void gpuOff_noRequestNoNvidiaEnv() {
        var set = set(ContainerAppGpu.NONE);

        set.scaleTo(1);

        awaitTrue("ready", () -> ready(set) == 1);
        assertThat(engine.container(0).spec.gpu()).isEqualTo(GpuRequest.NONE);
        assertThat(engine.container(0).spec.env()).doesNotContainKeys("NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES");
        assertThat(set.replicas().getFirst().gpu()).isEqualTo(ReplicaGpu.NONE);
    }

    private List<String> notices(RunnerNotice.Level level) {
        return events.stream().filter(e -> e instanceof RunnerNotice n && n.level() == level)
                .map(e -> ((RunnerNotice) e).text()).toList();
    }
}
