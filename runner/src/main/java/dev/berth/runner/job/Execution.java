package dev.berth.runner.job;

import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.project.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// One running execution as a state machine that [#step] advances: replicas `0 … completionCount-1` each
/// have to exit 0 once; at most `parallelism` run at once; a replica that fails (non-zero exit, or stopped
/// at `replicaTimeout`) runs again until it has been retried `replicaRetryLimit` times, after which the
/// execution fails and its other replicas are stopped. Every change is saved as it happens. Confined to the
/// runner's thread.
final class Execution {
    /// How many output lines of an ended attempt are kept.
    static final int LOG_LINES = 100;
    /// SIGTERM to SIGKILL when a replica is stopped.
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Execution.class);

    private record Running(JobAttempt attempt, AutoCloseable follow) {}

    private final JobSpec job;
    private final JobContext context;
    private final int[] tries;
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final List<Running> running = new ArrayList<>();
    private JobExecution record;
    private int succeeded;

    Execution(JobSpec job, JobExecution record, JobContext context) {
        this.job = job;
        this.record = record;
        this.context = context;
        this.tries = new int[record.completionCount()];
        for (int i = 0; i < tries.length; i++) pending.add(i);
    }

    JobExecution record() { return record; }

    boolean finished() { return record.status() != JobExecution.Status.RUNNING; }

    /// Checks the running replicas (exit, timeout), then starts pending ones; answers whether it has ended.
    boolean step() {
        if (finished()) return true;
        var now = context.clock().instant();
        for (var r : List.copyOf(running)) {
            check(r, now);
            if (finished()) return true;
        }
        if (succeeded == record.completionCount()) {
            end(JobExecution.Status.SUCCEEDED, succeeded + " of " + record.completionCount() + " replicas succeeded");
            return true;
        }
        while (!finished() && running.size() < record.parallelism() && !pending.isEmpty()) launch(pending.poll());
        return finished();
    }

    /// Stops every running replica and ends the execution as STOPPED with `reason`.
    void stop(String reason) {
        if (finished()) return;
        stopRunning(reason);
        end(JobExecution.Status.STOPPED, reason);
    }

    private void check(Running r, Instant now) {
        var attempt = r.attempt();
        ContainerStatus status;
        try {
            status = context.engine().status(attempt.containerId());
        } catch (RuntimeException e) {
            log.debug("status of {} failed; checking again next step: {}", attempt.name(), e.toString());
            return;
        }
        if (status.exists() && status.running()) {
            if (now.isBefore(attempt.started().plus(job.replicaTimeout()))) return;
            finish(r, JobAttempt.Status.TIMED_OUT, OptionalInt.empty(), "stopped at replicaTimeout ("
                    + job.replicaTimeout().toSeconds() + " s)");
        } else if (!status.exists()) {
            finish(r, JobAttempt.Status.FAILED, OptionalInt.empty(), "the container disappeared");
        } else {
            int code = status.exitCode();
            var reason = code == 0 ? "exited with code 0" : status.oomKilled() ? "killed for running out of memory "
                    + "(exit code " + code + ")" : "exited with code " + code;
            finish(r, code == 0 ? JobAttempt.Status.SUCCEEDED : JobAttempt.Status.FAILED, OptionalInt.of(code), reason);
        }
    }

    private void launch(int replica) {
        tries[replica]++;
        var name = record.name() + "-" + replica + "-" + tries[replica];
        var now = context.clock().instant();
        try {
            var started = context.engine().start(context.launch().spec(job, record.name(), name, replica));
            var attempt = new JobAttempt(name, record.name(), replica, tries[replica], started.id(),
                    JobAttempt.Status.RUNNING, OptionalInt.empty(), "running", now, Optional.empty(), List.of());
            context.save(attempt);
            running.add(new Running(attempt, follow(name, started.id())));
        } catch (ContainerStartException | RuntimeException e) {
            var failed = new JobAttempt(name, record.name(), replica, tries[replica], "", JobAttempt.Status.FAILED,
                    OptionalInt.empty(), "could not start: " + e.getMessage(), now, Optional.of(now), List.of());
            context.save(failed);
            after(failed);
        }
    }

    /// Live output as LogLine events (the replica is the attempt); the kept lines come from the engine's log.
    private AutoCloseable follow(String attempt, String containerId) {
        try {
            return context.engine().followLogs(containerId, (stream, text) ->
                    context.events().onEvent(new LogLine(context.clock().instant(), attempt, stream, text)));
        } catch (RuntimeException e) {
            log.debug("cannot follow {}: {}", attempt, e.toString());
            return () -> { };
        }
    }

    private void finish(Running r, JobAttempt.Status status, OptionalInt code, String reason) {
        running.remove(r);
        closeQuietly(r.follow());
        var id = r.attempt().containerId();
        List<String> tail;
        try {
            tail = context.engine().tailLogs(id, LOG_LINES);
        } catch (RuntimeException e) {
            tail = List.of("(output not available: " + e.getMessage() + ")");
        }
        try {
            context.engine().stopAndRemove(id, GRACE);
        } catch (RuntimeException e) {
            log.warn("cannot remove job container {}: {}", id, e.toString());
        }
        var ended = r.attempt().ended(status, code, reason, context.clock().instant(), tail);
        context.save(ended);
        after(ended);
    }

    /// Counts a success, or retries the replica, or fails the execution once its retries are spent.
    private void after(JobAttempt attempt) {
        if (attempt.status() == JobAttempt.Status.SUCCEEDED) {
            succeeded++;
            record = record.with(record.status(), record.reason(), record.ended(), succeeded);
            context.save(record);
            return;
        }
        if (!attempt.status().failed()) return;
        var what = describe(attempt);
        if (tries[attempt.replica()] <= job.retryLimit()) {
            pending.addFirst(attempt.replica());
            context.notice(RunnerNotice.Level.WARNING, what + "; retry " + tries[attempt.replica()] + " of "
                    + job.retryLimit());
            return;
        }
        stopRunning("its execution failed");
        end(JobExecution.Status.FAILED, "replica " + attempt.replica() + " failed " + tries[attempt.replica()]
                + " time(s), replicaRetryLimit " + job.retryLimit() + "; last: " + attempt.reason());
    }

    private String describe(JobAttempt attempt) {
        return "job " + job.name() + ": " + attempt.name() + " " + attempt.reason();
    }

    private void stopRunning(String reason) {
        for (var r : List.copyOf(running)) finish(r, JobAttempt.Status.STOPPED, OptionalInt.empty(), "stopped: " + reason);
    }

    private void end(JobExecution.Status status, String reason) {
        var now = context.clock().instant();
        record = record.with(status, reason, Optional.of(now), succeeded);
        context.save(record);
        var level = status == JobExecution.Status.SUCCEEDED ? RunnerNotice.Level.INFO : RunnerNotice.Level.WARNING;
        context.notice(level, "job " + job.name() + ": execution " + record.name() + " " + status.name().toLowerCase(
                java.util.Locale.ROOT) + " after " + record.duration(now).toMillis() / 1000.0 + " s (" + reason + ")");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("closing a log follower failed: {}", e.toString());
        }
    }
}
