package dev.berth.runner.job;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;

import java.time.Clock;
import java.util.List;

/// What every execution of one runner shares: the engine, the records, the clock, how replicas start,
/// and who is told of changes. Saving a record tells the listeners. Thread-safe as its parts are.
record JobContext(ContainerEngine engine, JobStore store, Clock clock, JobLaunch launch, EventListener events,
                  List<JobListener> listeners) {

    void save(JobExecution execution) {
        store.save(execution);
        listeners.forEach(l -> l.executionChanged(execution));
    }

    void save(JobAttempt attempt) {
        store.save(attempt);
        listeners.forEach(l -> l.attemptChanged(attempt));
    }

    void notice(RunnerNotice.Level level, String text) {
        events.onEvent(new RunnerNotice(clock.instant(), level, text));
    }
}
