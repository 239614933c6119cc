package dev.berth.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.JobLoader;
import dev.berth.runner.queue.QueueStore;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/// A running session's jobs: the [JobRunner] over the project's database, its queue rules counting the
/// session's embedded queues, and the jobs admin API mounted on the ingress. Job replicas run the session's
/// image unless their container names another, with the session's labels (so the reaper knows them) and
/// local.settings.json Values as their base environment. Thread-safe; close before the ingress.
public final class JobSession implements AutoCloseable {
    private final JobRunner runner;
    private final JobStore store;

    private JobSession(JobRunner runner, JobStore store) {
        this.runner = runner;
        this.store = store;
    }

    public JobRunner runner() { return runner; }

    /// Starts the jobs of `loaded` for `app`. `labels` are the session's container labels.
    /// @throws IllegalStateException when the project database cannot be opened, saying how to fix it
    public static JobSession start(JobLoader.Loaded loaded, FunctionApp app, String projectImage,
                                   Map<String, String> labels, ContainerEngine engine, QueueStore queues,
                                   Ingress ingress, EventListener events, Clock clock) {
        loaded.warnings().forEach(w -> events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.WARNING,
                w.describe())));
        var file = app.stateDir().resolve("berth.db");
        JobStore store;
        try {
            store = JobStore.open(file);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the job tables in " + file + ": " + e.getMessage()
                    + ". Fix: check the folder's permissions, or delete the file to start a new history.", e);
        }
        var launch = new JobLaunch(projectImage, labels, app.settings());
        var runner = JobRunner.start(new JobRunner.Settings(loaded.jobs(), engine, store, clock, launch, events,
                queue -> queues.exists(queue) ? queues.counts(queue).total() : 0));
        ingress.mount(Ingress.JOBS, new JobHttpApi(runner, clock, new ObjectMapper())::handle);
        if (!loaded.jobs().isEmpty()) {
            events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO, "jobs: " + String.join(", ",
                    loaded.jobs().stream().map(j -> j.name() + " (" + j.trigger().yaml() + ")").toList())
                    + "; start one with `berth job start " + app.dir() + " <name>`"));
        }
        return new JobSession(runner, store);
    }

    @Override
    public void close() {
        runner.close();
        store.close();
    }
}
