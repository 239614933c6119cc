package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.job.JobLaunch;
import dev.berth.runner.job.JobRunner;
import dev.berth.runner.job.JobStore;
import dev.berth.runner.project.JobSpec;
import dev.berth.visualizer.jobs.AttemptBar;
import dev.berth.visualizer.jobs.AttemptStatus;
import dev.berth.visualizer.jobs.ExecutionRow;
import dev.berth.visualizer.jobs.ExecutionTimeline;
import dev.berth.visualizer.jobs.JobList;
import dev.berth.visualizer.scale.ScaleChart;
import dev.berth.visualizer.scale.ScaleMarker;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/// The Replicas tab's scale chart and the Jobs tab in the real desktop UI, over a fake runner: a revision's
/// replicas, desired count, requests and decision markers (one hovered for its reason), then a real job
/// runner on a real job store (with a fake engine) whose executions show as a timeline with a timed-out
/// attempt and its retry, an attempt's detail, and a started execution failing live. Screenshots go to
/// target/screenshots.
@Tag("ui")
class JobsAndScaleIT extends AppUiTest {
    private static final long TIMEOUT_S = 20;
    private static final String REASON = "http: 37 concurrent requests / target 10 → 4 replicas";

    private FakeRunner runner;
    private JobStore store;
    private JobRunner jobs;

    @Test
    void replicasTab_chartsTheNewestRevision_withDecisionMarkersThatExplainThemselves() throws Exception {
        runAndOpen("#replicasTab");
        var now = Instant.now();
        for (var event : scaleStory(now)) runner.emit(event);
        var chart = lookup("#replicaChart").queryAs(ScaleChart.class);
        waitUntil(() -> onFx(chart::drawnMarkers).size() == 3);
        assertThat(onFx(chart::shownRevision)).contains("hello--r2");
        screenshot(stage.getScene(), "replicas-scale-chart.png");

        ScaleMarker scaleOut = onFx(() -> chart.drawnMarkers().get(1));
        moveTo(onFx(() -> chart.localToScreen(chart.centerOf(scaleOut).orElseThrow())));
        waitUntil(() -> onFx(chart::hoverText).map(t -> t.contains(REASON)).orElse(false));
        assertThat(onFx(chart::hoverText).orElseThrow()).contains("1 → 4 replicas").contains("• http (http): 37 / target 10");
        Thread.sleep(400); // the tooltip's show delay, so the screen capture has it
        captureScreen("replicas-scale-chart-tooltip.png");

        interact(() -> chart.showRevision("hello--r1"));
        waitUntil(() -> onFx(chart::drawnMarkers).isEmpty());
    }

    @Test
    void jobsTab_showsExecutionsAsATimeline_withATimedOutAttemptAndItsRetry_andStartsOne() throws Exception {
        startJobRunner();
        runAndOpen("#jobsTab");
        var list = lookup("#jobList").queryAs(JobList.class);
        waitUntil(() -> onFx(() -> list.getItems().size()) == 3);
        var timeline = lookup("#executionTimeline").queryAs(ExecutionTimeline.class);
        waitUntil(() -> onFx(timeline::executions).size() == 3);
        assertThat(onFx(timeline::executions)).extracting(ExecutionRow::status)
                .containsExactly("Running", "Failed", "Succeeded");

        Node timedOut = onFx(() -> timeline.visibleBars().stream()
                .filter(bar -> ((AttemptBar) bar.getUserData()).status() == AttemptStatus.TIMED_OUT)
                .findFirst().orElseThrow());
        clickOn(timedOut);
        waitUntil(() -> text("#attemptTitle").equals("Replica 1, attempt 1 — Timed out"));
        assertThat(text("#attemptExitCode")).isEqualTo("— (stopped before it exited)");
        assertThat(text("#attemptDuration")).isEqualTo("30.0 s");
        assertThat(text("#attemptReason")).contains("replicaTimeout");
        assertThat(lookup("#attemptLog").queryAs(TextArea.class).getText()).contains("processing batch 7 of 12");
        assertThat(onFx(() -> timeline.executions().get(2).attempts()).stream()
                .filter(a -> a.replica() == 1).map(AttemptBar::status).toList())
                .as("the retry sits on the same replica").containsExactly(AttemptStatus.TIMED_OUT, AttemptStatus.SUCCEEDED);
        screenshot(stage.getScene(), "jobs-timeline.png");

        interact(() -> list.select("reindex"));
        waitUntil(() -> onFx(timeline::executions).isEmpty());
        clickOn("#startJobButton");
        waitUntil(() -> text("#jobsStatus").startsWith("Started execution reindex-"));
        // The fake engine cannot start containers: the attempt and its retry fail, and the view follows live.
        waitUntil(() -> onFx(timeline::executions).size() == 1
                && onFx(() -> timeline.executions().getFirst().status()).equals("Failed"));
        assertThat(onFx(() -> timeline.executions().getFirst().attempts())).extracting(AttemptBar::status)
                .containsExactly(AttemptStatus.FAILED, AttemptStatus.FAILED);
        waitUntil(() -> onFx(() -> list.getItems().stream().filter(r -> r.name().equals("reindex")).findFirst()
                .orElseThrow().lastStatus()).equals(Optional.of("Failed")));
        screenshot(stage.getScene(), "jobs-started-failed.png");
    }

    /// Revision r1 had one replica; r2 scaled 0 → 1 (requests held), 1 → 4 under load, then back to 2.
    private static List<RunnerEvent> scaleStory(Instant now) {
        var events = new ArrayList<RunnerEvent>();
        Instant start = now.minusSeconds(200);
        events.add(new ReplicaStateChanged(start, "hello--r1-a", "hello--r1", "c1", ReplicaState.READY, ""));
        Instant t = start.plusSeconds(20);
        events.add(decision(t, 0, 1, "hold", "2 requests waiting while at zero → 1 replica",
                new ScaleDecision.RuleReading("hold", "hold", 2, 1, 1, true),
                new ScaleDecision.RuleReading("orders", "azure-queue", 6, 20, 1, true)));
        events.add(replica(t.plusMillis(50), "hello--r2-a", ReplicaState.STARTING));
        events.add(replica(t.plusMillis(700), "hello--r2-a", ReplicaState.READY));
        for (int s = 0; s < 150; s++) {
            int rate = s < 30 ? 3 : s < 90 ? 18 + (s % 7) : 5;
            for (int i = 0; i < rate; i++) {
                events.add(new InvocationStarted(t.plusSeconds(s).plusMillis(i * 40L), "i" + s + "-" + i, "hello",
                        "hello--r2-a", "httpTrigger", "GET /api/hello"));
            }
        }
        Instant out = t.plusSeconds(35);
        events.add(decision(out, 1, 4, "http", REASON, new ScaleDecision.RuleReading("http", "http", 37, 10, 4, true),
                new ScaleDecision.RuleReading("orders", "azure-queue", 14, 20, 1, true)));
        for (var id : List.of("b", "c", "d")) {
            events.add(replica(out.plusMillis(100), "hello--r2-" + id, ReplicaState.STARTING));
            events.add(replica(out.plusMillis(900), "hello--r2-" + id, ReplicaState.READY));
        }
        Instant in = t.plusSeconds(120);
        events.add(decision(in, 4, 2, "http", "http: 12 concurrent requests / target 10 → 2 replicas after the 30 s cooldown",
                new ScaleDecision.RuleReading("http", "http", 12, 10, 2, true),
                new ScaleDecision.RuleReading("orders", "azure-queue", 3, 20, 1, true)));
        for (var id : List.of("c", "d")) {
            events.add(replica(in.plusMillis(100), "hello--r2-" + id, ReplicaState.STOPPING));
            events.add(replica(in.plusMillis(1_500), "hello--r2-" + id, ReplicaState.STOPPED));
        }
        return events;
    }

    private static ReplicaStateChanged replica(Instant at, String id, ReplicaState state) {
        return new ReplicaStateChanged(at, id, "hello--r2", "c-" + id, state, "");
    }

    private static ScaleDecision decision(Instant at, int current, int desired, String winner, String reason,
                                          ScaleDecision.RuleReading... readings) {
        return new ScaleDecision(at, "hello--r2", current, desired, List.of(readings), winner, reason);
    }

    /// A real job runner over a real store holding a finished execution with a timed-out, retried replica,
    /// a failed one, and one still running.
    private void startJobRunner() throws Exception {
        store = JobStore.open(work.resolve("jobs.db"));
        var now = Instant.now();
        var nightly = spec("nightly-report", JobSpec.Trigger.SCHEDULE, Optional.of("0 2 1 1 *"), 2, 1);
        var done = now.minusSeconds(900);
        store.save(execution("nightly-report-k3v9q2a", JobExecution.Status.SUCCEEDED, done, done.plusSeconds(47), 2, 2));
        store.save(attempt("nightly-report-k3v9q2a", 0, 1, JobAttempt.Status.SUCCEEDED, done, 12, 0, "exited with code 0"));
        store.save(attempt("nightly-report-k3v9q2a", 1, 1, JobAttempt.Status.TIMED_OUT, done.plusMillis(200), 30, null,
                "stopped: ran past replicaTimeout (30 s)", "loading rows", "processing batch 7 of 12"));
        store.save(attempt("nightly-report-k3v9q2a", 1, 2, JobAttempt.Status.SUCCEEDED, done.plusSeconds(31), 16, 0,
                "exited with code 0", "processing batch 12 of 12", "report written"));
        var bad = now.minusSeconds(300);
        store.save(execution("nightly-report-p8d2x7m", JobExecution.Status.FAILED, bad, bad.plusSeconds(21), 2, 1));
        store.save(attempt("nightly-report-p8d2x7m", 0, 1, JobAttempt.Status.FAILED, bad, 6, 1, "exited with code 1",
                "KeyError: 'region'"));
        store.save(attempt("nightly-report-p8d2x7m", 0, 2, JobAttempt.Status.FAILED, bad.plusSeconds(7), 14, 1,
                "exited with code 1; retry limit 1 reached", "KeyError: 'region'"));
        store.save(attempt("nightly-report-p8d2x7m", 1, 1, JobAttempt.Status.SUCCEEDED, bad.plusMillis(300), 9, 0,
                "exited with code 0"));
        var engine = new FakeEngine();
        jobs = JobRunner.start(new JobRunner.Settings(List.of(nightly,
                spec("reindex", JobSpec.Trigger.MANUAL, Optional.empty(), 1, 1),
                spec("orders-worker", JobSpec.Trigger.MANUAL, Optional.empty(), 1, 0)), engine, store,
                Clock.systemUTC(), new JobLaunch("berth/hello:dev", Map.of(), Map.of()), event -> { }, queue -> 0));
        // Saved after the start (which stops leftovers from an earlier Berth), as an execution under way.
        var running = now.minusSeconds(20);
        store.save(execution("nightly-report-t5n1c0w", JobExecution.Status.RUNNING, running, null, 2, 1));
        store.save(attempt("nightly-report-t5n1c0w", 0, 1, JobAttempt.Status.SUCCEEDED, running, 8, 0, "exited with code 0"));
        store.save(new JobAttempt("nightly-report-t5n1c0w-1-1", "nightly-report-t5n1c0w", 1, 1, "c2", JobAttempt.Status.RUNNING,
                OptionalInt.empty(), "running", running.plusMillis(150), Optional.empty(), List.of()));
    }

    private static JobSpec spec(String name, JobSpec.Trigger trigger, Optional<String> cron, int completions, int retries) {
        return new JobSpec(name, Path.of("jobs", name + ".yaml"), trigger, Duration.ofSeconds(30), retries, completions,
                completions, cron, Optional.empty(), new JobSpec.Container(Optional.empty(), List.of("python", "job.py"),
                List.of(), Map.of(), 0.5, 512L << 20));
    }

    private static JobExecution execution(String name, JobExecution.Status status, Instant started, Instant ended,
                                          int completions, int succeeded) {
        return new JobExecution(name, "nightly-report", JobSpec.Trigger.SCHEDULE, status,
                status == JobExecution.Status.RUNNING ? "cron 0 2 1 1 * due" : "ended", started, Optional.ofNullable(ended),
                completions, completions, succeeded);
    }

    private static JobAttempt attempt(String execution, int replica, int attempt, JobAttempt.Status status, Instant started,
                                      long seconds, Integer exit, String reason, String... log) {
        return new JobAttempt(execution + "-" + replica + "-" + attempt, execution, replica, attempt, "c0ffee", status,
                exit == null ? OptionalInt.empty() : OptionalInt.of(exit), reason, started,
                Optional.of(started.plusSeconds(seconds)), List.of(log));
    }

    private void runAndOpen(String tab) throws Exception {
        Path dir = AppHarness.helloProject(work, "scale-app");
        runner = FakeRunner.withReadyReplicaAndInvocation();
        runner.jobs = jobs;
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50, window -> window.openProject(dir));
        clickOn("#runButton");
        waitUntil(() -> !lookup("#stopButton").queryButton().isDisabled());
        clickOn(tab);
        var panels = lookup("#runPanels").query();
        lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().contains(panels))
                .findFirst().ifPresent(split -> interact(() -> split.setDividerPositions(0.2)));
    }

    private void captureScreen(String name) throws Exception {
        var window = stage.getScene().getWindow();
        var image = capture(new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight())).getImage();
        Files.createDirectories(UiTestSupport.SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", UiTestSupport.SCREENSHOTS.resolve(name).toFile());
    }

    private String text(String id) throws Exception {
        return onFx(() -> lookup(id).queryAs(Label.class).getText());
    }

    @Override
    void afterAppClosed() {
        if (jobs != null) jobs.close();
        if (store != null) store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
