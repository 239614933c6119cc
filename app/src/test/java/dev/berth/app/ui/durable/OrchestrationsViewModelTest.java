package dev.berth.app.ui.durable;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.FakeDurable;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.ManualTaskExecutor;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.visualizer.durable.Bar;
import dev.berth.visualizer.durable.InstanceRow;
import dev.berth.visualizer.durable.OrchestratorLog;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.berth.app.ui.fakes.FakeDurable.info;
import static org.assertj.core.api.Assertions.assertThat;

class OrchestrationsViewModelTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir Path project;
    private final FakeRunner runner = new FakeRunner();
    private final FakeDurable durable = new FakeDurable();
    private RunViewModel run;
    private OrchestrationsViewModel model;

    private void open(TaskExecutor tasks) {
        run = new RunViewModel(runner, project, 0, tasks, new ManualEventPipe(), new SimpleBooleanProperty(true));
        model = new OrchestrationsViewModel(run, tasks, new FakeDialogs());
    }

    private void runWithInstances() {
        durable.put(info("hello-1", "HelloCities", RuntimeStatus.COMPLETED, T0, "\"done\""),
                FakeDurable.History.chain(T0, "HelloCities", "SayHello", "Tokyo", "Seattle"));
        durable.put(info("hello-2", "HelloCities", RuntimeStatus.RUNNING, T0.plusSeconds(5), null), List.of());
        runner.durable = durable;
        open(new SameThreadTaskExecutor());
        run.run();
    }

    /// Runs with one instance "a" on a task executor that holds work until the test runs it.
    private ManualTaskExecutor runOneInstanceWithHeldTasks() {
        durable.put(info("a", "O", RuntimeStatus.RUNNING, T0, null), List.of());
        runner.durable = durable;
        var tasks = new ManualTaskExecutor();
        open(tasks);
        run.run();
        tasks.runAll();
        return tasks;
    }

    @AfterEach
    void close() {
        if (run != null) run.dispose();
    }

    @Test
    void notRunning_listsNothingAndSaysWhy() {
        open(new SameThreadTaskExecutor());
        assertThat(model.instances().rows()).isEmpty();
        assertThat(model.access().unavailableProperty().get()).isEqualTo(OrchestrationsViewModel.NOT_RUNNING);
        assertThat(model.actions().canStartProperty().get()).isFalse();
    }

    @Test
    void running_listsTheBackendsInstancesNewestFirst() {
        runWithInstances();
        assertThat(model.instances().rows()).extracting(InstanceRow::instanceId).containsExactly("hello-2", "hello-1");
        assertThat(model.instances().rows().getFirst().status()).isEqualTo("Running");
        assertThat(model.access().unavailableProperty().get()).isEmpty();
    }

    @Test
    void running_sessionWithoutBackend_saysSo() {
        open(new SameThreadTaskExecutor());
        run.run();
        assertThat(model.access().unavailableProperty().get()).contains("no durable backend");
    }

    @Test
    void open_readsHistoryAndBuildsTheTimeline() {
        runWithInstances();
        model.open("hello-1");
        var detail = model.instance().detailProperty().get();
        assertThat(detail.row().name()).isEqualTo("HelloCities");
        assertThat(detail.history()).hasSize(6);
        assertThat(detail.timeline().bars()).filteredOn(bar -> bar.kind() == Bar.Kind.ACTIVITY)
                .extracting(Bar::output).containsExactly("\"Hello Tokyo!\"", "\"Hello Seattle!\"");
    }

    @Test
    void filterAndSearch_queryTheBackendAgain() {
        runWithInstances();
        model.instances().statusFilterProperty().set("Completed");
        assertThat(model.instances().rows()).extracting(InstanceRow::instanceId).containsExactly("hello-1");
        model.instances().statusFilterProperty().set(null);
        model.instances().searchProperty().set("hello-2");
        assertThat(model.instances().rows()).extracting(InstanceRow::instanceId).containsExactly("hello-2");
    }

    @Test
    void orchestrationChanged_forTheOpenInstance_readsListAndInstanceAgain() {
        runWithInstances();
        model.open("hello-2");
        int queries = durable.queries;
        int reads = durable.historyReads;
        durable.put(info("hello-2", "HelloCities", RuntimeStatus.COMPLETED, T0.plusSeconds(5), "\"ok\""), List.of());

        model.onEvents(List.of(changed("hello-2"), changed("hello-2"), changed("other")));

        assertThat(durable.queries).isEqualTo(queries + 1);
        assertThat(durable.historyReads).isEqualTo(reads + 1);
        assertThat(model.instance().detailProperty().get().row().status()).isEqualTo("Completed");
    }

    @Test
    void changesWhileReadsRun_costOneMoreReadOfEach() {
        var tasks = runOneInstanceWithHeldTasks();
        model.open("a");
        tasks.runAll();
        int queries = durable.queries;
        int reads = durable.historyReads;

        for (int i = 0; i < 50; i++) model.onEvents(List.of(changed("a")));
        tasks.runAll();

        assertThat(durable.queries - queries).isEqualTo(2);
        assertThat(durable.historyReads - reads).isEqualTo(2);
    }

    @Test
    void stopWhileAReadRuns_dropsItsResultAndEmptiesTheTab() {
        var tasks = runOneInstanceWithHeldTasks();
        model.refresh();
        run.stop();
        tasks.runAll();

        assertThat(model.instances().rows()).isEmpty();
        assertThat(model.access().unavailableProperty().get()).isEqualTo(OrchestrationsViewModel.NOT_RUNNING);
    }

    @Test
    void orchestratorLogLines_goToTheirInstanceWithReplaysFolded() {
        runWithInstances();
        model.open("hello-1");
        model.onEvents(List.of(log("durable-log instance=hello-1 replay=false saying hello to Tokyo"),
                log("durable-log instance=hello-2 replay=false not this one"),
                log("durable-log instance=hello-1 replay=true saying hello to Tokyo"),
                log("plain output")));
        assertThat(model.instance().logLines()).extracting(OrchestratorLog.Entry::text, OrchestratorLog.Entry::replays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("saying hello to Tokyo", 1));

        model.open("hello-2");
        assertThat(model.instance().logLines()).extracting(OrchestratorLog.Entry::text).containsExactly("not this one");
    }

    @Test
    void openInstancePurgedElsewhere_saysItIsGone() throws Exception {
        runWithInstances();
        model.open("hello-1");
        durable.purge("default", "hello-1");
        model.onEvents(List.of(changed("hello-1")));
        assertThat(model.instance().problemProperty().get()).isEqualTo("Instance hello-1 no longer exists: it was purged.");
        assertThat(model.instances().rows()).extracting(InstanceRow::instanceId).containsExactly("hello-2");
    }

    private static OrchestrationChanged changed(String id) {
        return new OrchestrationChanged(T0, "default", id, "O", RuntimeStatus.RUNNING, "completed an activity", 3);
    }

    private static LogLine log(String text) {
        return new LogLine(T0, "app-r1-a1", "stdout", text);
    }
}
