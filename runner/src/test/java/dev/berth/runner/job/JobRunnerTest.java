package dev.berth.runner.job;

import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.project.JobSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRunnerTest {
    @TempDir Path dir;
    private final MutableClock clock = new MutableClock();
    private final FakeJobEngine engine = new FakeJobEngine();
    private final List<RunnerEvent> events = new ArrayList<>();
    private final Map<String, Long> queues = new HashMap<>();
    private JobStore store;

    @BeforeEach void open() throws Exception { store = JobStore.open(dir.resolve("berth.db")); }

    @AfterEach void close() { store.close(); }

    private static JobSpec job(String name, JobSpec.Trigger trigger, int parallelism, int completions, int retries,
                               Optional<String> cron, Optional<JobSpec.EventScale> event, Optional<String> image) {
        return new JobSpec(name, Path.of("jobs", name + ".yaml"), trigger, Duration.ofSeconds(10), retries, parallelism,
                completions, cron, event, new JobSpec.Container(image, List.of("python3", "batch.py"), List.of("--fast"),
                Map.of("MODE", "test"), 0.5, 1L << 30));
    }

    private static JobSpec manual(int parallelism, int completions, int retries) {
        return job("batch", JobSpec.Trigger.MANUAL, parallelism, completions, retries, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private JobRunner runner(JobSpec... jobs) {
        var launch = new JobLaunch("berth/app:latest", Map.of("berth.session", "s1"), Map.of("MODE", "app", "DB", "x"));
        return new JobRunner(new JobRunner.Settings(List.of(jobs), engine, store, clock, launch, events::add,
                q -> queues.getOrDefault(q, 0L)));
    }

    private JobExecution execution(JobRunner runner, String name) { return runner.execution(name).orElseThrow(); }

    @Test void start_parallelismTwoCompletionThree_runsTwoAtOnceAndSucceedsAfterThreeExitZero() {
        var runner = runner(manual(2, 3, 0));
        var started = runner.start("batch");
        runner.tick();
        assertThat(engine.running()).hasSize(2);

        engine.exit(engine.box(0), 0, "done 0");
        runner.tick();
        assertThat(engine.running()).hasSize(2).as("the third replica took the freed place");
        assertThat(execution(runner, started.name()).succeeded()).isEqualTo(1);

        engine.exit(engine.box(1), 0);
        engine.exit(engine.box(2), 0);
        clock.advance(Duration.ofSeconds(3));
        runner.tick();

        var done = execution(runner, started.name());
        assertThat(done.status()).isEqualTo(JobExecution.Status.SUCCEEDED);
        assertThat(done.reason()).isEqualTo("3 of 3 replicas succeeded");
        assertThat(done.duration(clock.instant())).isEqualTo(Duration.ofSeconds(3));
        var attempts = runner.attempts(started.name());
        assertThat(attempts).extracting(JobAttempt::replica).containsExactly(0, 1, 2);
        assertThat(attempts).allSatisfy(a -> assertThat(a.exitCode()).isEqualTo(OptionalInt.of(0)));
        assertThat(attempts.getFirst().logTail()).containsExactly("started berth-" + attempts.getFirst().name(), "done 0");
        assertThat(engine.boxes.values()).allSatisfy(b -> assertThat(b.removed).isTrue());
    }

    @Test void start_replicaPastTimeout_isStoppedRecordedAsTimedOutAndRetried() {
        var runner = runner(manual(1, 1, 1));
        var started = runner.start("batch");
        runner.tick();
        clock.advance(Duration.ofSeconds(9));
        runner.tick();
        assertThat(engine.box(0).removed).as("not yet at the timeout").isFalse();

        clock.advance(Duration.ofSeconds(1));
        runner.tick();

        assertThat(engine.box(0).removed).isTrue();
        assertThat(engine.box(0).stoppedWith).isEqualTo(Execution.GRACE);
        assertThat(engine.running()).hasSize(1).as("the retry runs");
        var attempts = runner.attempts(started.name());
        assertThat(attempts.getFirst().status()).isEqualTo(JobAttempt.Status.TIMED_OUT);
        assertThat(attempts.getFirst().exitCode()).isEmpty();
        assertThat(attempts.getFirst().reason()).contains("replicaTimeout (10 s)");
        assertThat(attempts.get(1).attempt()).isEqualTo(2);
        assertThat(attempts.get(1).status()).isEqualTo(JobAttempt.Status.RUNNING);

        engine.exit(engine.box(1), 0);
        runner.tick();
        assertThat(execution(runner, started.name()).status()).isEqualTo(JobExecution.Status.SUCCEEDED);
    }

    @Test void start_replicaFailsPastRetryLimit_executionFailsAndStopsTheOthers() {
        var runner = runner(manual(2, 2, 1));
        var started = runner.start("batch");
        runner.tick();
        engine.exit(engine.box(0), 3, "boom");
        runner.tick();
        assertThat(execution(runner, started.name()).status()).isEqualTo(JobExecution.Status.RUNNING);
        clock.advance(Duration.ofSeconds(10));
        runner.tick(); // the retry (box 2) times out, replica 1 (box 1) has run 10 s as well

        var failed = execution(runner, started.name());
        assertThat(failed.status()).isEqualTo(JobExecution.Status.FAILED);
        assertThat(failed.reason()).contains("failed 2 time(s), replicaRetryLimit 1");
        assertThat(engine.running()).isEmpty();
        var attempts = runner.attempts(started.name());
        assertThat(attempts).extracting(JobAttempt::status).containsExactlyInAnyOrder(JobAttempt.Status.FAILED,
                JobAttempt.Status.TIMED_OUT, JobAttempt.Status.TIMED_OUT);
        assertThat(attempts.getFirst().exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(attempts.getFirst().logTail()).endsWith("boom");
    }

    @Test void start_containerCannotStart_countsAsFailedAttemptAndRetries() {
        engine.failStarts = 1;
        var runner = runner(manual(1, 1, 1));
        var started = runner.start("batch");
        runner.tick();

        var attempts = runner.attempts(started.name());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getFirst().reason()).startsWith("could not start: image berth/app:latest not found");
        assertThat(attempts.get(1).status()).isEqualTo(JobAttempt.Status.RUNNING);
    }

    @Test void start_launch_projectImageCommandArgsEnvAndLabels() {
        var runner = runner(manual(1, 1, 0));
        var started = runner.start("batch");
        runner.tick();

        var spec = engine.box(0).spec;
        assertThat(spec.image()).isEqualTo("berth/app:latest");
        assertThat(spec.command()).containsExactly("python3", "batch.py", "--fast");
        assertThat(spec.env()).containsEntry("MODE", "test").containsEntry("DB", "x")
                .containsEntry("CONTAINER_APP_JOB_NAME", "batch")
                .containsEntry("CONTAINER_APP_JOB_EXECUTION_NAME", started.name())
                .containsEntry("BERTH_JOB_REPLICA_INDEX", "0");
        assertThat(spec.labels()).containsEntry("berth.session", "s1").containsEntry("berth.job", "batch");
        assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
    }

    @Test void start_jobNamesItsImage_runsThatImage() {
        var runner = runner(job("other", JobSpec.Trigger.MANUAL, 1, 1, 0, Optional.empty(), Optional.empty(),
                Optional.of("busybox:1")));
        runner.start("other");
        runner.tick();
        assertThat(engine.box(0).spec.image()).isEqualTo("busybox:1");
    }

    @Test void start_unknownJob_namesTheJobsThereAre() {
        var runner = runner(manual(1, 1, 0));
        assertThatThrownBy(() -> runner.start("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No job 'nope'. This project has: batch.");
    }

    @Test void tick_scheduleDue_startsOneExecutionPerOccurrence() {
        // MutableClock starts at 12:00:00Z; every 5 minutes fires at 12:05, 12:10 …
        var runner = runner(job("nightly", JobSpec.Trigger.SCHEDULE, 1, 1, 0, Optional.of("*/5 * * * *"),
                Optional.empty(), Optional.empty()));
        runner.tick();
        clock.advance(Duration.ofMinutes(4));
        runner.tick();
        assertThat(runner.executions("nightly", 10)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        runner.tick();
        runner.tick();

        var executions = runner.executions("nightly", 10);
        assertThat(executions).hasSize(1);
        assertThat(executions.getFirst().trigger()).isEqualTo(JobSpec.Trigger.SCHEDULE);
        assertThat(executions.getFirst().reason()).contains("2026-11-21T12:05:00Z");
        assertThat(engine.running()).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        engine.exit(engine.box(0), 0);
        runner.tick();
        assertThat(runner.executions("nightly", 10)).hasSize(2);
    }

    @Test void tick_eventQueueBacklog_startsOneExecutionPerQueueLengthUpToMaxPerPollingInterval() {
        var scale = new JobSpec.EventScale(0, 3, Duration.ofSeconds(30), List.of(new JobSpec.QueueRule("q", "orders", 5)));
        var runner = runner(job("drain", JobSpec.Trigger.EVENT, 1, 1, 0, Optional.empty(), Optional.of(scale),
                Optional.empty()));
        runner.tick();
        assertThat(runner.executions("drain", 10)).as("empty queue").isEmpty();

        queues.put("orders", 11L);
        clock.advance(Duration.ofSeconds(29));
        runner.tick();
        assertThat(runner.executions("drain", 10)).as("before the polling interval").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        runner.tick();
        assertThat(runner.executions("drain", 10)).as("11 messages / 5 per execution").hasSize(3);

        queues.put("orders", 40L);
        clock.advance(Duration.ofSeconds(30));
        runner.tick();
        assertThat(runner.executions("drain", 10)).as("3 running already, max 3").hasSize(3);
    }

    @Test void close_runningExecution_stopsItsReplicasAndRecordsStopped() {
        var runner = runner(manual(2, 2, 0));
        var started = runner.start("batch");
        runner.tick();

        runner.close();

        assertThat(engine.running()).isEmpty();
        assertThat(execution(runner, started.name()).status()).isEqualTo(JobExecution.Status.STOPPED);
        assertThat(runner.attempts(started.name())).extracting(JobAttempt::status)
                .containsOnly(JobAttempt.Status.STOPPED);
    }

    @Test void subscribe_changes_toldOfExecutionAndAttempts() throws Exception {
        var runner = runner(manual(1, 1, 0));
        var seen = new ArrayList<String>();
        try (var ignored = runner.subscribe(new JobListener() {
            @Override public void executionChanged(JobExecution e) { seen.add("execution " + e.status()); }
            @Override public void attemptChanged(JobAttempt a) { seen.add("attempt " + a.status()); }
        })) {
            runner.start("batch");
            runner.tick();
            engine.exit(engine.box(0), 0);
            runner.tick();
        }
        assertThat(seen).containsExactly("execution RUNNING", "attempt RUNNING", "attempt SUCCEEDED",
                "execution RUNNING", "execution SUCCEEDED");
    }

    @Test void stopLeftovers_runningFromAnEarlierBerth_markedStopped() {
        var runner = runner(manual(1, 1, 0));
        var started = runner.start("batch");
        runner.tick();

        assertThat(store.stopLeftovers(clock.instant())).isEqualTo(1);
        assertThat(execution(runner, started.name()).status()).isEqualTo(JobExecution.Status.STOPPED);
    }
}
