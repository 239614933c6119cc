package dev.berth.app.ui.jobs;

import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.job.JobListener;
import dev.berth.runner.job.JobRunner;
import dev.berth.runner.project.JobSpec;

import java.util.List;

/// The part of a session's [JobRunner] the Jobs tab uses, as an interface so view model tests run on an
/// in-memory fake (the runner is a final class that starts containers). Thread-safe like the runner: the
/// queries block (SQLite), so the tab calls them on the task executor.
public interface JobsSource {
    List<JobSpec> jobs();

    /// The newest `limit` executions of `job`, newest first.
    List<JobExecution> executions(String job, int limit);

    List<JobAttempt> attempts(String execution);

    /// Starts an execution of `job` now.
    JobExecution start(String job);

    /// Tells `listener` of every change (on the runner's thread) until the answer is closed.
    AutoCloseable subscribe(JobListener listener);

    static JobsSource of(JobRunner runner) {
        return new JobsSource() {
            @Override public List<JobSpec> jobs() { return runner.jobs(); }

            @Override public List<JobExecution> executions(String job, int limit) { return runner.executions(job, limit); }

            @Override public List<JobAttempt> attempts(String execution) { return runner.attempts(execution); }

            @Override public JobExecution start(String job) { return runner.start(job); }

            @Override public AutoCloseable subscribe(JobListener listener) { return runner.subscribe(listener); }
        };
    }
}
