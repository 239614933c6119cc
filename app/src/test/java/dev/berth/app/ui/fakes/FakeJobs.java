package dev.berth.app.ui.fakes;

import dev.berth.app.ui.jobs.JobsSource;
import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.job.JobListener;
import dev.berth.runner.project.JobSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/// An in-memory job runner: jobs, executions and attempts the test puts, `start` records a RUNNING execution
/// and tells the listeners, as the real runner does. Thread-safe enough for a UI test (lists are copy-on-write).
public final class FakeJobs implements JobsSource {
    public final List<JobSpec> specs = new CopyOnWriteArrayList<>();
    public final List<JobExecution> executions = new CopyOnWriteArrayList<>();
    public final List<JobAttempt> attempts = new CopyOnWriteArrayList<>();
    public final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    public final AtomicInteger reads = new AtomicInteger();
    public volatile Instant now = Instant.parse("2026-01-05T10:05:00Z");

    public static JobSpec spec(String name, JobSpec.Trigger trigger, String cron) {
        return new JobSpec(name, Path.of("jobs", name + ".yaml"), trigger, Duration.ofSeconds(30), 1, 1, 1,
                Optional.ofNullable(cron), Optional.empty(),
                new JobSpec.Container(Optional.empty(), List.of("python", "job.py"), List.of(), Map.of(), 0.5, 512L << 20));
    }

    public static JobExecution execution(String name, String job, JobExecution.Status status, Instant started,
                                         Instant ended, int completions, int succeeded) {
        return new JobExecution(name, job, JobSpec.Trigger.MANUAL, status, status == JobExecution.Status.RUNNING
                ? "started by hand" : "ended", started, Optional.ofNullable(ended), completions, completions, succeeded);
    }

    public static JobAttempt attempt(String execution, int replica, int attempt, JobAttempt.Status status,
                                     Instant started, Instant ended, Integer exit, String reason, String... log) {
        return new JobAttempt(execution + "-" + replica + "-" + attempt, execution, replica, attempt, "c0ffee", status,
                exit == null ? OptionalInt.empty() : OptionalInt.of(exit), reason, started, Optional.ofNullable(ended),
                List.of(log));
    }

    /// Adds or replaces an execution and tells the listeners.
    public void put(JobExecution execution) {
        executions.removeIf(e -> e.name().equals(execution.name()));
        executions.add(execution);
        listeners.forEach(l -> l.executionChanged(execution));
    }

    /// Adds or replaces an attempt and tells the listeners.
    public void put(JobAttempt attempt) {
        attempts.removeIf(a -> a.name().equals(attempt.name()));
        attempts.add(attempt);
        listeners.forEach(l -> l.attemptChanged(attempt));
    }

    @Override public List<JobSpec> jobs() {
        reads.incrementAndGet();
        return List.copyOf(specs);
    }

    @Override public List<JobExecution> executions(String job, int limit) {
        return executions.stream().filter(e -> e.job().equals(job))
                .sorted(Comparator.comparing(JobExecution::started).reversed()).limit(limit).toList();
    }

    @Override public List<JobAttempt> attempts(String execution) {
        var out = new ArrayList<JobAttempt>();
        attempts.stream().filter(a -> a.execution().equals(execution)).forEach(out::add);
        return out;
    }

    @Override public JobExecution start(String job) {
        if (specs.stream().noneMatch(s -> s.name().equals(job))) throw new IllegalArgumentException("No job '" + job + "'.");
        var started = execution(job + "-started" + executions.size(), job, JobExecution.Status.RUNNING, now, null, 1, 0);
        put(started);
        return started;
    }

    @Override public AutoCloseable subscribe(JobListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
