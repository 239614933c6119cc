package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.app.ui.fakes.LogFlood;
import dev.berth.app.ui.fx.CoalescingEventPipe;
import dev.berth.runner.event.EventListener;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.LogView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// The real desktop UI (real views, FX executor and coalescing event pipe, as in production) under a
/// log flood of 10,000 lines a second from two replicas for 5 seconds. Probes posted to the FX thread
/// every 50 ms measure how responsive it stays; their figures are printed, not asserted tightly, because
/// the machines that run this are shared and noisy. Saves target/screenshots/heavy-logs.png.
@Tag("ui")
class HeavyLogIT extends AppUiTest {
    private static final List<String> REPLICAS = List.of("hello-r1-a1", "hello-r1-a2");
    private static final int LINES_PER_SECOND = 10_000;
    private static final Duration FLOOD = Duration.ofSeconds(5);
    private static final Duration PROBE_PERIOD = Duration.ofMillis(50);
    /// Generous: a starved 2-core CI box may take several times the flood's 5 s to work through it.
    private static final long TIMEOUT_S = 90;


    @Test
    void logFlood_tenThousandLinesPerSecondFromTwoReplicas_fxThreadKeepsUpAndLogHoldsEveryLine() throws Exception {
        var runner = FakeRunner.withReadyReplicas(REPLICAS.toArray(String[]::new));
        launchAndRun(runner);
        var logView = lookup("#logView").queryAs(LogView.class);
        int before = onFx(logView::size);
        assertThat(before).as("notice plus STARTING and READY of each replica").isEqualTo(1 + 2 * REPLICAS.size());

        var idle = probeIdle();
        var flood = floodWhileProbing(runner.listener, () -> onFx(logView::size) - before);

        // Figures for the reader of the test output (the app's logging config hides INFO), as the benches print.
        System.out.printf("HeavyLogIT FX probes idle:       %s%n", idle);
        System.out.printf("HeavyLogIT FX probes under load: %s%n", flood.probes());
        System.out.printf("HeavyLogIT %d lines sent in %d ms (%d lines/s); all in the log view after %d ms%n",
                flood.lines(), flood.sentMillis(), flood.lines() * 1000 / Math.max(1, flood.sentMillis()),
                flood.shownMillis());
        var loaded = flood.probes();
        assertThat(loaded.ran()).as("every probe posted during the flood ran").isEqualTo(loaded.posted());
        assertThat(loaded.posted()).as("probes posted during the flood").isGreaterThanOrEqualTo(20);
        assertThat(flood.lines()).isEqualTo(50_000);
        assertThat(onFx(() -> linesPerSource(logView))).containsEntry("hello-r1-a1", 25_002L)
                .containsEntry("hello-r1-a2", 25_002L);
        // Follow is on: the newest lines are what the user sees at the bottom of the list.
        waitUntil(() -> onFx(() -> texts(logView)).stream().anyMatch(t -> t.startsWith("line 24999 from ")));
        screenshot(stage.getScene(), "heavy-logs.png");

        clickOn("#replicasTab");
        var panels = lookup("#runPanels").queryAs(TabPane.class);
        waitUntil(() -> "replicasTab".equals(onFx(() -> panels.getSelectionModel().getSelectedItem().getId())));
        waitUntil(() -> onFx(this::readyReplicas).containsAll(REPLICAS));
    }

    private record Flood(long lines, long sentMillis, long shownMillis, FxLatencyProbe.Stats probes) {}

    /// Floods `target` and waits until `shown` (lines the log view gained) has every line, probing the FX thread throughout.
    private Flood floodWhileProbing(EventListener target, Callable<Integer> shown) throws Exception {
        var probe = FxLatencyProbe.start(PROBE_PERIOD);
        long started = System.nanoTime();
        try (var flood = LogFlood.start(target, REPLICAS, LINES_PER_SECOND, FLOOD)) {
            assertThat(flood.await(Duration.ofSeconds(TIMEOUT_S))).as("flood finished sending").isTrue();
            long sentMillis = (System.nanoTime() - started) / 1_000_000;
            waitUntil(() -> shown.call() == flood.total());
            long shownMillis = (System.nanoTime() - started) / 1_000_000;
            return new Flood(flood.total(), sentMillis, shownMillis, probe.stop(Duration.ofSeconds(TIMEOUT_S)));
        } finally {
            probe.stop(Duration.ZERO);
        }
    }

    /// About a second of probes with nothing going on, to compare the figures under load with.
    private static FxLatencyProbe.Stats probeIdle() throws Exception {
        var idle = FxLatencyProbe.start(PROBE_PERIOD);
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> idle.posted() >= 20);
            return idle.stop(Duration.ofSeconds(TIMEOUT_S));
        } finally {
            idle.stop(Duration.ZERO);
        }
    }

    /// Opens a seeded project from the start page, runs it and waits until both replicas show READY.
    private void launchAndRun(FakeRunner runner) throws Exception {
        var dir = AppHarness.helloProject(work, "orders-api");
        AppHarness.seedRecent(userDir, dir);
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, CoalescingEventPipe.DEFAULT_PERIOD_MILLIS);

        clickOn("orders-api");
        waitUntil(() -> lookup("#runButton").tryQuery().isPresent());
        var run = lookup("#runButton").queryAs(Button.class);
        waitUntil(() -> !run.isDisabled());
        clickOn(run);
        waitUntil(() -> "http://127.0.0.1:7071".equals(lookup("#ingressUrl").queryAs(Labeled.class).getText()));
        clickOn("#replicasTab");
        waitUntil(() -> onFx(this::readyReplicas).containsAll(REPLICAS));
        clickOn("#logsTab");
        waitUntil(() -> lookup("#logView").tryQuery().map(Node::isVisible).orElse(false));
    }

    /// Replica ids whose row in the replica table, as shown, reads READY.
    private Set<String> readyReplicas() {
        var ready = new HashSet<String>();
        for (Node row : lookup("#replicaTable .table-row-cell").queryAll()) {
            var shown = texts(row);
            if (shown.stream().anyMatch(t -> t.contains("READY"))) {
                shown.stream().filter(REPLICAS::contains).forEach(ready::add);
            }
        }
        return ready;
    }

    private static Map<String, Long> linesPerSource(LogView view) {
        return view.visibleLines().stream().collect(Collectors.groupingBy(LogEntry::source, Collectors.counting()));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
