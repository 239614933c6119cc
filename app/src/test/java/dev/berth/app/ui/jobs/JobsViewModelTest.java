package dev.berth.app.ui.jobs;

import dev.berth.app.ui.fakes.FakeJobs;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.ManualTaskExecutor;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.project.JobSpec;
import dev.berth.visualizer.jobs.AttemptBar;
import dev.berth.visualizer.jobs.AttemptStatus;
import dev.berth.visualizer.jobs.ExecutionRow;
import dev.berth.visualizer.jobs.JobRow;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir Path project;
    private final FakeRunner runner = new FakeRunner();
    private final FakeJobs jobs = new FakeJobs();
    private RunViewModel run;
    private JobsViewModel model;

    private void open(TaskExecutor tasks) {
        run = new RunViewModel(runner, project, 0, tasks, new ManualEventPipe(), new SimpleBooleanProperty(true));
        model = new JobsViewModel(run, tasks, Runnable::run, session -> jobs);
    }

    private void seedNightlyWithRetriedTimeout() {
        jobs.specs.add(FakeJobs.spec("nightly", JobSpec.Trigger.SCHEDULE, "0 2 * * *"));
        jobs.specs.add(FakeJobs.spec("reindex", JobSpec.Trigger.MANUAL, null));
        jobs.executions.add(FakeJobs.execution("nightly-abc1234", "nightly", JobExecution.Status.SUCCEEDED, T0,
                T0.plusSeconds(45), 1, 1));
        jobs.attempts.add(FakeJobs.attempt("nightly-abc1234", 0, 1, JobAttempt.Status.TIMED_OUT, T0, T0.plusSeconds(30),
                null, "ran past replicaTimeout 30 s", "step 1", "step 2"));
        jobs.attempts.add(FakeJobs.attempt("nightly-abc1234", 0, 2, JobAttempt.Status.SUCCEEDED, T0.plusSeconds(31),
                T0.plusSeconds(45), 0, "exit code 0", "done"));
    }

    @Test
    void running_listsJobsWithLastStatus_andSelectsTheFirst() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();

        assertThat(model.unavailableProperty().get()).isEmpty();
        assertThat(model.jobsProperty().get()).containsExactly(
                new JobRow("nightly", "Schedule", "0 2 * * * UTC", Optional.of("Succeeded"), Optional.of(T0)),
                new JobRow("reindex", "Manual", "on demand", Optional.empty(), Optional.empty()));
        assertThat(model.selectedJobProperty().get()).isEqualTo("nightly");
    }

    @Test
    void selectedJob_executionShowsTimedOutAttemptAndItsRetryOnTheSameReplica() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();

        ExecutionRow row = model.executionsProperty().get().getFirst();
        assertThat(row.status()).isEqualTo("Succeeded");
        assertThat(row.lanes()).isEqualTo(1);
        assertThat(row.attempts()).extracting(AttemptBar::replica, AttemptBar::attempt, AttemptBar::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, AttemptStatus.TIMED_OUT),
                        org.assertj.core.groups.Tuple.tuple(0, 2, AttemptStatus.SUCCEEDED));
        assertThat(row.attempts().getFirst().exitCode()).isEmpty();
        assertThat(row.attempts().getFirst().logTail()).containsExactly("step 1", "step 2");
        assertThat(row.attempts().get(1).shortText()).isEqualTo("retry 1 · exit 0");
    }

    @Test
    void notRunning_saysWhy_andCannotStart() {
        open(new SameThreadTaskExecutor());

        assertThat(model.unavailableProperty().get()).isEqualTo(JobsViewModel.NOT_RUNNING);
        assertThat(model.canStartProperty().get()).isFalse();
        assertThat(model.jobsProperty().get()).isEmpty();
    }

    @Test
    void start_selectedJob_startsAnExecutionAndShowsIt() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();
        model.select("reindex");
        assertThat(model.canStartProperty().get()).isTrue();

        model.start();

        assertThat(model.messageProperty().get()).startsWith("Started execution reindex-started");
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.executionsProperty().get()).extracting(ExecutionRow::status).containsExactly("Running");
        assertThat(model.jobsProperty().get().get(1).lastStatus()).contains("Running");
    }

    @Test
    void start_runnerRefuses_showsItsMessageAsAFailure() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();
        jobs.specs.removeIf(s -> s.name().equals("nightly"));

        model.start();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Could not start nightly: No job 'nightly'.");
    }

    @Test
    void liveChange_ofTheSelectedJob_readsItsExecutionsAgain() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();

        jobs.put(FakeJobs.execution("nightly-zzz9999", "nightly", JobExecution.Status.RUNNING, T0.plusSeconds(600), null, 1, 0));

        assertThat(model.executionsProperty().get()).extracting(ExecutionRow::name)
                .containsExactly("nightly-zzz9999", "nightly-abc1234");
    }

    @Test
    void burstOfChanges_whileAReadRuns_costsOneMoreRead() {
        seedNightlyWithRetriedTimeout();
        var tasks = new ManualTaskExecutor();
        open(tasks);
        run.run();
        tasks.runAll();
        int before = jobs.reads.get();

        model.onChanged(List.of("reindex"));
        model.onChanged(List.of("reindex"));
        model.onChanged(List.of("reindex"));
        tasks.runAll();

        assertThat(jobs.reads.get() - before).isEqualTo(2);
    }

    @Test
    void runStops_clearsTheJobsAndSaysWhy() {
        seedNightlyWithRetriedTimeout();
        open(new SameThreadTaskExecutor());
        run.run();

        run.stop();

        assertThat(model.jobsProperty().get()).isEmpty();
        assertThat(model.executionsProperty().get()).isEmpty();
        assertThat(model.unavailableProperty().get()).isEqualTo(JobsViewModel.NOT_RUNNING);
        assertThat(jobs.listeners).isEmpty();
    }
}
