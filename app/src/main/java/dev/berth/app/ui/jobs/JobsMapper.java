package dev.berth.app.ui.jobs;

import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.project.JobSpec;
import dev.berth.visualizer.jobs.AttemptBar;
import dev.berth.visualizer.jobs.AttemptStatus;
import dev.berth.visualizer.jobs.ExecutionRow;
import dev.berth.visualizer.jobs.JobRow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/// Turns the job runner's records into the jobs views' rows. Stateless; any thread.
final class JobsMapper {
    private JobsMapper() {
    }

    static JobRow job(JobSpec spec, Optional<JobExecution> last) {
        return new JobRow(spec.name(), spec.trigger().yaml(), schedule(spec),
                last.map(e -> title(e.status().name())), last.map(JobExecution::started));
    }

    /// "0 2 * * * UTC", "queue orders: 1 per 5 messages", or "on demand".
    static String schedule(JobSpec spec) {
        return switch (spec.trigger()) {
            case MANUAL -> "on demand";
            case SCHEDULE -> spec.cron().map(c -> c + " UTC").orElse("");
            case EVENT -> spec.event().map(e -> e.rules().stream()
                    .map(r -> "queue " + r.queueName() + ": 1 per " + r.queueLength())
                    .collect(Collectors.joining(", "))).orElse("");
        };
    }

    static ExecutionRow execution(JobExecution e, List<JobAttempt> attempts) {
        return new ExecutionRow(e.name(), title(e.status().name()), e.trigger().yaml(), e.reason(), e.started(),
                e.ended(), e.completionCount(), e.succeeded(), attempts.stream().map(JobsMapper::attempt).toList());
    }

    static AttemptBar attempt(JobAttempt a) {
        return new AttemptBar(a.name(), a.replica(), a.attempt(), status(a.status()), a.started(), a.ended(), a.exitCode(),
                a.reason(), a.logTail());
    }

    private static AttemptStatus status(JobAttempt.Status status) {
        return switch (status) {
            case RUNNING -> AttemptStatus.RUNNING;
            case SUCCEEDED -> AttemptStatus.SUCCEEDED;
            case FAILED -> AttemptStatus.FAILED;
            case TIMED_OUT -> AttemptStatus.TIMED_OUT;
            case STOPPED -> AttemptStatus.STOPPED;
        };
    }

    /// "SUCCEEDED" → "Succeeded".
    private static String title(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /// The job an execution belongs to: its name is `<job>-<suffix>` and the suffix has no dash.
    static String jobOf(String execution) {
        int dash = execution.lastIndexOf('-');
        return dash < 0 ? execution : execution.substring(0, dash);
    }
}
