package dev.berth.runner.scale;

import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.ContainerAppScale;
import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.HostConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppAutoscalerTest {
    private final List<RunnerEvent> events = new ArrayList<>();

    @Test
    void keepDurableWorker_durableAppAtMinZero_keepsOneReplicaAndSaysWhy() {
        var scale = AppAutoscaler.keepDurableWorker(app("orchestrationTrigger"), ContainerAppScale.of(0, 5), events::add,
                Clock.systemUTC());

        assertThat(scale.minReplicas()).isEqualTo(1);
        assertThat(scale.maxReplicas()).isEqualTo(5);
        assertThat(events).singleElement().isInstanceOfSatisfying(RunnerNotice.class,
                n -> assertThat(n.text()).contains("keeping one replica"));
    }

    @Test
    void keepDurableWorker_appWithoutDurableFunctions_scalesToZeroAsConfigured() {
        var scale = AppAutoscaler.keepDurableWorker(app("httpTrigger"), ContainerAppScale.of(0, 5), events::add,
                Clock.systemUTC());

        assertThat(scale.minReplicas()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void sample_cpuRule_averagesTheReplicasUse() {
        var scale = new ContainerAppScale(1, 5, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(300),
                java.time.Duration.ofSeconds(20), List.of(new ContainerAppScale.Utilization("cpu", ContainerAppScale.Resource.CPU, 50)));

        var metrics = AppAutoscaler.sample(scale, new RequestGauge(), null,
                () -> List.of(new dev.berth.runner.container.ResourceUse(90, 10), new dev.berth.runner.container.ResourceUse(30, 20)),
                () -> { throw new AssertionError("no gpu rule: the GPU reading is not asked for"); });

        assertThat(metrics.cpuPercent()).hasValue(60);
        assertThat(metrics.memoryPercent()).hasValue(15);
        assertThat(metrics.gpuPercent()).isEmpty();
    }

    @Test
    void sample_gpuRule_readsTheGpuSamplerWithoutContainerStats() {
        var scale = new ContainerAppScale(1, 5, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(300),
                java.time.Duration.ofSeconds(20), List.of(new ContainerAppScale.Utilization("gpu", ContainerAppScale.Resource.GPU, 70)));

        var metrics = AppAutoscaler.sample(scale, new RequestGauge(), null,
                () -> { throw new AssertionError("a gpu rule needs no docker stats"); }, () -> java.util.OptionalDouble.of(84));

        assertThat(metrics.gpuPercent()).hasValue(84);
        assertThat(metrics.cpuPercent()).isEmpty();
    }

    @Test
    void sample_noUtilizationRule_takesNoStats() {
        var metrics = AppAutoscaler.sample(ContainerAppScale.of(0, 5), new RequestGauge(), null,
                () -> { throw new AssertionError("stats are slow; only cpu and memory rules take them"); },
                () -> { throw new AssertionError("only a gpu rule reads the GPU sampler"); });

        assertThat(metrics.cpuPercent()).isEmpty();
    }

    private static FunctionApp app(String triggerType) {
        var function = new FunctionDef("f", Path.of("f/function.json"),
                List.of(new Binding(triggerType, "in", "context", Map.of())), Optional.empty());
        return new FunctionApp(Path.of("/tmp/app"), new HostConfig("2.0", Optional.empty(), false, "api", "handler"),
                List.of(function), Map.of(), new ContainerAppSpec("app", 8080, 0, 5, 0.5, 512L << 20, Map.of(),
                Optional.empty()), List.of());
    }
}
