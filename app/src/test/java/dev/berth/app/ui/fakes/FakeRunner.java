package dev.berth.app.ui.fakes;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.session.RunException;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.runner.session.Runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// A runner that starts `FakeSession`s: it emits `onStart` events during `start` (as the real one emits
/// build and replica events before it returns), or throws `failure` when it is set.
public final class FakeRunner implements Runner {
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    public final List<RunnerEvent> onStart = new ArrayList<>();
    public final List<RunOptions> starts = new CopyOnWriteArrayList<>();
    public final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    public volatile String failure;
    public volatile EventListener listener;
    /// Handed to each session started (null: the session's defaults).
    public volatile dev.berth.runner.project.FunctionApp app;
    public volatile java.net.URI ingress;
    /// Handed to each session started as its durable backend (null: none).
    public volatile dev.berth.runner.durable.DurableControl durable;
    /// Handed to each session started as its revisions (null: the session's default, none).
    public volatile dev.berth.runner.revision.RevisionControl revisions;
    /// Handed to each session started as its job runner (null: none).
    public volatile dev.berth.runner.job.JobRunner jobs;

    /// A runner whose start brings one replica up and serves one invocation, as a real small run does.
    public static FakeRunner withReadyReplicaAndInvocation() {
        var runner = new FakeRunner();
        runner.onStart.addAll(List.of(
                new RunnerNotice(T0, RunnerNotice.Level.INFO, "Image berth/hello:dev built"),
                new ReplicaStateChanged(T0.plusMillis(10), "hello-r1-a1", "r1", "c0ffee12", ReplicaState.STARTING, ""),
                new ReplicaStateChanged(T0.plusMillis(900), "hello-r1-a1", "r1", "c0ffee12", ReplicaState.READY, ""),
                new InvocationFinished(T0.plusMillis(1200), "inv-0001", "hello", "hello-r1-a1", 200,
                        Duration.ofMillis(12), "", "GET /api/hello?name=Ada", "Hello, Ada")));
        return runner;
    }

    /// A runner whose start brings up one READY replica per id (revision r1), as a scaled-out run does.
    public static FakeRunner withReadyReplicas(String... replicaIds) {
        var runner = new FakeRunner();
        runner.onStart.add(new RunnerNotice(T0, RunnerNotice.Level.INFO, "Image berth/hello:dev built"));
        for (int i = 0; i < replicaIds.length; i++) {
            var id = replicaIds[i];
            var container = "c0ffee%02d".formatted(i);
            runner.onStart.add(new ReplicaStateChanged(T0.plusMillis(10 + i), id, "r1", container,
                    ReplicaState.STARTING, ""));
            runner.onStart.add(new ReplicaStateChanged(T0.plusMillis(900 + i), id, "r1", container,
                    ReplicaState.READY, ""));
        }
        return runner;
    }

    @Override public RunSession start(Path projectDir, RunOptions options, EventListener listener) throws RunException {
        starts.add(options);
        this.listener = listener;
        if (failure != null) throw new RunException(failure);
        onStart.forEach(listener::onEvent);
        var session = new FakeSession(projectDir, options.debug());
        if (app != null) session.app = app;
        if (ingress != null) session.ingress = ingress;
        session.durable = durable;
        session.revisions = revisions;
        session.jobs = jobs;
        sessions.add(session);
        return session;
    }

    /// Emits one more event, as a replica or the ingress would while running.
    public void emit(RunnerEvent event) { listener.onEvent(event); }
}
