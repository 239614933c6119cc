package dev.berth.runner.job;

import dev.berth.runner.project.JobSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/// One execution of a job, as recorded in the project database: `name` is `<job>-<suffix>` as in
/// Container Apps. `reason` says why it ended (or what it waits on); `ended` is empty while it runs.
/// Immutable; a change makes a new record.
public record JobExecution(String name, String job, JobSpec.Trigger trigger, Status status, String reason,
                           Instant started, Optional<Instant> ended, int parallelism, int completionCount,
                           int succeeded) {
    public enum Status { RUNNING, SUCCEEDED, FAILED, STOPPED }

    /// Start to end, or to `now` while it runs.
    public Duration duration(Instant now) { return Duration.between(started, ended.orElse(now)); }

    JobExecution with(Status newStatus, String newReason, Optional<Instant> newEnded, int newSucceeded) {
        return new JobExecution(name, job, trigger, newStatus, newReason, started, newEnded, parallelism,
                completionCount, newSucceeded);
    }
}
