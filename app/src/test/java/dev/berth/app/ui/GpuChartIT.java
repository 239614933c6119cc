package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.replica.ReplicaGpu;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.visualizer.ReplicaRow;
import dev.berth.visualizer.scale.GpuChart;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/// The GPU chart in the real desktop UI over a fake runner: it is absent while no replica reports a GPU,
/// appears under the scale chart with the first GPU sample, follows the scale chart's revision, and its
/// legend gives each replica's devices and latest figures. Screenshot in target/screenshots.
@Tag("ui")
class GpuChartIT extends AppUiTest {
    private FakeRunner runner;

    @Test
    void gpuSamples_showAChartUnderTheScaleChart_withALegendPerReplica() throws Exception {
        Path dir = AppHarness.helloProject(work, "gpu-app");
        runner = FakeRunner.withReadyReplicaAndInvocation();
        stage = app.launch(new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir), 50,
                window -> window.openProject(dir));
        clickOn("#runButton");
        waitUntil(20, () -> !lookup("#stopButton").queryButton().isDisabled());
        clickOn("#replicasTab");
        var panels = lookup("#runPanels").query();
        lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().contains(panels))
                .findFirst().ifPresent(split -> interact(() -> split.setDividerPositions(0.15)));
        assertThat(lookup("#gpuChart").tryQuery()).as("no GPU samples: no GPU chart").isEmpty();

        runner.sessions.getFirst().moreReplicas = List.of(gpuReplica("a", new ReplicaGpu(new GpuRequest(0, List.of("0")), false, "")),
                gpuReplica("b", new ReplicaGpu(new GpuRequest(0, List.of("1")), false, "")),
                gpuReplica("c", new ReplicaGpu(GpuRequest.NONE, true, "Docker refused the GPU request: could not select device driver")));
        for (var event : gpuStory(Instant.now())) runner.emit(event);
        waitUntil(20, () -> lookup("#gpuChart").tryQuery().isPresent());
        var chart = lookup("#gpuChart").queryAs(GpuChart.class);
        waitUntil(20, () -> onFx(chart::legendLines).size() == 2);

        assertThat(onFx(chart::legendLines)).containsExactly("infer--r1-a · GPU 0 · 91% · 9.8 GiB / 15.0 GiB",
                "infer--r1-b · GPU 1 · 64% · 6.1 GiB / 15.0 GiB");
        var table = lookup("#replicaTable").queryAs(dev.berth.visualizer.ReplicaTable.class);
        waitUntil(20, () -> onFx(() -> table.rows().stream().map(ReplicaRow::device).toList())
                .containsAll(List.of("GPU 0", "GPU 1", "CPU (Docker refused the GPU request: could not select device driver)")));
        assertThat(lookup("Device").tryQuery()).as("the device column shows for an app on GPUs").isPresent();
        screenshot(stage.getScene(), "replicas-gpu-chart.png");
    }

    private static ReplicaInfo gpuReplica(String suffix, ReplicaGpu gpu) {
        return new ReplicaInfo("infer--r1-" + suffix, "infer--r1", ReplicaState.READY, "c" + suffix, Instant.now(),
                Optional.of(Instant.now()), 0, 0, 0, 0, gpu);
    }

    /// Two replicas split over two T4s; the second joins after a scale-out on the gpu rule; both get busier.
    private static List<RunnerEvent> gpuStory(Instant now) {
        var events = new ArrayList<RunnerEvent>();
        var start = now.minusSeconds(170);
        events.add(new ReplicaStateChanged(start, "infer--r1-a", "infer--r1", "ca", ReplicaState.READY, ""));
        for (int s = 0; s <= 160; s += 2) {
            var at = start.plusSeconds(s + 1);
            double load = Math.min(95, 20 + s * 0.6 + (s % 10 == 0 ? 6 : 0));
            events.add(new GpuMetrics(at, "infer--r1", "infer--r1-a", List.of("0"), s == 160 ? 91 : load,
                    s == 160 ? 10_035 : 2_000 + s * 50L, 15_360));
            if (s == 70) {
                events.add(new ScaleDecision(at, "infer--r1", 1, 2, List.of(new ScaleDecision.RuleReading("busy-gpu",
                        "gpu", 82, 70, 2, true)), "busy-gpu", "gpu 82% / target 70% → 2 replicas"));
                events.add(new ReplicaStateChanged(at.plusSeconds(3), "infer--r1-b", "infer--r1", "cb", ReplicaState.READY, ""));
            }
            if (s > 76) {
                events.add(new GpuMetrics(at, "infer--r1", "infer--r1-b", List.of("1"), s == 160 ? 64 : load * 0.7,
                        s == 160 ? 6_246 : 1_500 + (s - 76) * 40L, 15_360));
            }
        }
        return events;
    }
}
