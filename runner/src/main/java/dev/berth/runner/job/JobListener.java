package dev.berth.runner.job;

/// Told of every recorded change of an execution or attempt (what a jobs timeline redraws on). Called on
/// the job runner's thread after the change is saved; must not block.
public interface JobListener {
    default void executionChanged(JobExecution execution) {}

    default void attemptChanged(JobAttempt attempt) {}
}
