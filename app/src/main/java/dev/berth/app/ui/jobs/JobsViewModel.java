package dev.berth.app.ui.jobs;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.job.JobAttempt;
import dev.berth.runner.job.JobExecution;
import dev.berth.runner.job.JobListener;
import dev.berth.runner.session.RunSession;
import dev.berth.visualizer.Coalescer;
import dev.berth.visualizer.jobs.ExecutionRow;
import dev.berth.visualizer.jobs.JobRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/// The Jobs tab of a project: the running session's jobs with their newest execution, the selected job's
/// executions with their attempts, and starting an execution. Follows the run like the Orchestrations tab:
/// while it runs the tab reads its job runner, otherwise it is empty and says why. Live: the runner's change
/// notices (its own thread) are coalesced through a [Coalescer] onto the FX executor, at most ten hops a
/// second, and each batch reads the list again and, when the selected job changed, its executions (one read
/// of each at a time, so a burst costs two reads). FX thread only.
public final class JobsViewModel {
    static final String NOT_RUNNING = "Run the project to see its jobs.";
    /// Executions of the selected job read and shown.
    static final int EXECUTIONS = 100;
    static final long COALESCE_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(JobsViewModel.class);

    private final RunViewModel run;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final Function<RunSession, JobsSource> sources;
    private final ReadOnlyObjectWrapper<List<JobRow>> jobs = new ReadOnlyObjectWrapper<>(this, "jobs", List.of());
    private final ReadOnlyObjectWrapper<List<ExecutionRow>> executions = new ReadOnlyObjectWrapper<>(this, "executions", List.of());
    private final ReadOnlyStringWrapper selectedJob = new ReadOnlyStringWrapper(this, "selectedJob");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", NOT_RUNNING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanBinding canStart;
    private final SingleRead jobsRead = new SingleRead(this::readJobs);
    private final SingleRead executionsRead = new SingleRead(this::readExecutions);
    private JobsSource source;
    private AutoCloseable subscription;
    private Coalescer<String> changes;
    private long generation;

    public JobsViewModel(RunViewModel run, TaskExecutor tasks, Executor fx) {
        this(run, tasks, fx, session -> session.jobs() == null ? null : JobsSource.of(session.jobs()));
    }

    JobsViewModel(RunViewModel run, TaskExecutor tasks, Executor fx, Function<RunSession, JobsSource> sources) {
        this.run = run;
        this.tasks = tasks;
        this.fx = fx;
        this.sources = sources;
        canStart = Bindings.createBooleanBinding(() -> selectedJob.get() != null && unavailable.get().isEmpty(),
                selectedJob, unavailable);
        run.stateProperty().addListener((o, was, now) -> follow(now));
        follow(run.stateProperty().get());
    }

    private void follow(RunState state) {
        disconnect();
        switch (state) {
            case RUNNING -> run.runningSession().ifPresentOrElse(this::connect, () -> unavailable.set(NOT_RUNNING));
            case STARTING -> unavailable.set("The project is starting; its jobs show once it runs.");
            case STOPPING -> unavailable.set("The run is stopping.");
            case IDLE, FAILED -> unavailable.set(NOT_RUNNING);
        }
    }

    private void connect(RunSession session) {
        try {
            source = sources.apply(session);
        } catch (RuntimeException e) {
            unavailable.set("The job runner is not available in this run: " + e.getMessage());
            return;
        }
        if (source == null) {
            unavailable.set("This run has no job runner, so there are no jobs to show.");
            return;
        }
        var coalescer = new Coalescer<String>(COALESCE_MILLIS, fx, this::onChanged);
        changes = coalescer;
        subscription = source.subscribe(new JobListener() {
            @Override public void executionChanged(JobExecution execution) { coalescer.add(execution.job()); }

            @Override public void attemptChanged(JobAttempt attempt) { coalescer.add(JobsMapper.jobOf(attempt.execution())); }
        });
        unavailable.set("");
        jobsRead.request();
        executionsRead.request();
    }

    private void disconnect() {
        generation++;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the job subscription failed", e);
            }
        }
        if (changes != null) changes.close();
        subscription = null;
        changes = null;
        source = null;
        jobs.set(List.of());
        executions.set(List.of());
    }

    /// Jobs that changed since the last batch (names, repeated as often as they changed).
    void onChanged(List<String> changedJobs) {
        if (source == null) return;
        jobsRead.request();
        if (new HashSet<>(changedJobs).contains(selectedJob.get())) executionsRead.request();
    }

    /// Shows `job`'s executions (null: none).
    public void select(String job) {
        if (java.util.Objects.equals(job, selectedJob.get())) return;
        selectedJob.set(job);
        executions.set(List.of());
        executionsRead.request();
    }

    /// Starts an execution of the selected job in the background and says how that went.
    public void start() {
        var job = selectedJob.get();
        var from = source;
        if (job == null || from == null) return;
        long at = generation;
        message.set("Starting " + job + "…");
        failed.set(false);
        tasks.run(() -> from.start(job), started -> {
            if (at != generation) return;
            message.set("Started execution " + started.name() + " of " + job + ".");
            executionsRead.request();
            jobsRead.request();
        }, e -> {
            if (at != generation) return;
            failed.set(true);
            message.set("Could not start " + job + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    private void readJobs(JobsSource from, long at, Runnable finished) {
        tasks.run(() -> from.jobs().stream()
                        .map(spec -> JobsMapper.job(spec, from.executions(spec.name(), 1).stream().findFirst()))
                        .toList(),
                rows -> {
                    if (at == generation) {
                        jobs.set(rows);
                        if (selectedJob.get() == null && !rows.isEmpty()) select(rows.getFirst().name());
                    }
                    finished.run(); // after the answer is applied, so a read it starts lands later
                }, e -> failedRead(e, finished, at, "the jobs"));
    }

    private void readExecutions(JobsSource from, long at, Runnable finished) {
        var job = selectedJob.get();
        if (job == null) {
            finished.run();
            return;
        }
        tasks.run(() -> {
            var rows = new ArrayList<ExecutionRow>();
            for (var e : from.executions(job, EXECUTIONS)) rows.add(JobsMapper.execution(e, from.attempts(e.name())));
            return rows;
        }, rows -> {
            if (at == generation && job.equals(selectedJob.get())) executions.set(List.copyOf(rows));
            finished.run();
        }, e -> failedRead(e, finished, at, "the executions of " + job));
    }

    private void failedRead(Exception e, Runnable finished, long at, String what) {
        if (at == generation) {
            failed.set(true);
            message.set("Could not read " + what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        finished.run();
    }

    /// One read in flight at a time; a request while it runs makes one more read after it.
    private final class SingleRead {
        interface Read { void run(JobsSource from, long generation, Runnable finished); }

        private final Read read;
        private boolean busy;
        private boolean again;

        SingleRead(Read read) { this.read = read; }

        void request() {
            if (source == null) return;
            if (busy) {
                again = true;
                return;
            }
            busy = true;
            read.run(source, generation, () -> {
                busy = false;
                if (again) {
                    again = false;
                    request();
                }
            });
        }
    }

    /// The project's jobs, in the order the project declares them.
    public ReadOnlyObjectProperty<List<JobRow>> jobsProperty() { return jobs.getReadOnlyProperty(); }

    /// The selected job's newest executions, newest first.
    public ReadOnlyObjectProperty<List<ExecutionRow>> executionsProperty() { return executions.getReadOnlyProperty(); }

    public ReadOnlyStringProperty selectedJobProperty() { return selectedJob.getReadOnlyProperty(); }

    /// Why there are no jobs to show ("Run the project to see its jobs." …); "" while the run's jobs show.
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }

    /// The outcome of the last start or failed read ("" before any).
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }

    public ObservableBooleanValue canStartProperty() { return canStart; }
}
