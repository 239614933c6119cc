package dev.berth.runner.job;

import dev.berth.runner.build.ImageBuilder;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.project.JobSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/// Real containers on the local dockerd (the local python base image): a job whose first replica hangs past
/// its replicaTimeout, is stopped and retried, and a job that exits 3; both recorded with exit codes and logs.
/// About five seconds of container time.
@Tag("docker")
class JobRunnerIT {
    private static final String SESSION = "it-jobs-" + ProcessHandle.current().pid();
    private static DockerEngine engine;
    private static String image;

    @TempDir static Path dir;

    @BeforeAll static void base() throws Exception {
        engine = new DockerEngine();
        image = new ImageBuilder(engine).ensureBase("python", line -> { });
    }

    @AfterAll static void cleanUp() {
        engine.managedContainers(SESSION).forEach(id -> engine.stopAndRemove(id, Duration.ZERO));
        engine.close();
    }

    private static JobSpec job(String name, int parallelism, int completions, int retries, String script) {
        return new JobSpec(name, Path.of("jobs", name + ".yaml"), JobSpec.Trigger.MANUAL, Duration.ofSeconds(2), retries,
                parallelism, completions, Optional.empty(), Optional.empty(), new JobSpec.Container(Optional.empty(),
                List.of("sh", "-c", script), List.of(), Map.of(), 0.5, 256L << 20));
    }

    @Test void start_replicaHangsPastTimeout_stoppedRetriedAndEveryAttemptRecorded() throws Exception {
        var flaky = job("flaky", 2, 2, 1, """
                case "$CONTAINER_APP_REPLICA_NAME" in
                  *-0-1) echo "hanging"; sleep 30;;
                  *) echo "replica $BERTH_JOB_REPLICA_INDEX done"; exit 0;;
                esac""");
        var broken = job("broken", 1, 1, 0, "echo 'no input' >&2; exit 3");
        try (var store = JobStore.open(dir.resolve("berth.db"));
             var runner = JobRunner.start(new JobRunner.Settings(List.of(flaky, broken), engine, store,
                     Clock.systemUTC(), new JobLaunch(image, Map.of("berth.session", SESSION), Map.of()), event -> { },
                     queue -> 0))) {
            var first = runner.start("flaky");
            var second = runner.start("broken");

            var flakyDone = await(runner, first.name());
            var brokenDone = await(runner, second.name());

            assertThat(flakyDone.status()).isEqualTo(JobExecution.Status.SUCCEEDED);
            var attempts = runner.attempts(first.name());
            assertThat(attempts).extracting(JobAttempt::replica, JobAttempt::attempt, JobAttempt::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(0, 1, JobAttempt.Status.TIMED_OUT),
                    org.assertj.core.groups.Tuple.tuple(0, 2, JobAttempt.Status.SUCCEEDED),
                    org.assertj.core.groups.Tuple.tuple(1, 1, JobAttempt.Status.SUCCEEDED));
            var timedOut = attempts.getFirst();
            assertThat(timedOut.exitCode()).isEmpty();
            assertThat(timedOut.logTail()).contains("hanging");
            assertThat(timedOut.duration(Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(attempts.get(1).exitCode()).isEqualTo(OptionalInt.of(0));
            assertThat(attempts.get(1).logTail()).contains("replica 0 done");

            assertThat(brokenDone.status()).isEqualTo(JobExecution.Status.FAILED);
            var failed = runner.attempts(second.name()).getFirst();
            assertThat(failed.exitCode()).isEqualTo(OptionalInt.of(3));
            assertThat(failed.logTail()).contains("no input");
            assertThat(engine.managedContainers(SESSION)).as("every job container removed").isEmpty();
        }
    }

    private static JobExecution await(JobRunner runner, String execution) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var record = runner.execution(execution).orElseThrow();
            if (record.status() != JobExecution.Status.RUNNING) return record;
            Thread.sleep(100);
        }
        throw new AssertionError(execution + " still running after 60 s: " + runner.attempts(execution));
    }
}
