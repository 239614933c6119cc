package dev.berth.app.ui.fakes;

import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.HostConfig;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.session.DebugEndpoint;
import dev.berth.runner.session.RunSession;

import java.net.URI;
import dev.berth.runner.trigger.ProjectStorage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/// A running session with one replica on host port 49153, fixed keys, and a debug endpoint when debugging.
public final class FakeSession implements RunSession {
    public final AtomicInteger closed = new AtomicInteger();
    private final Path dir;
    private final boolean debug;

    FakeSession(Path dir, boolean debug) {
        this.dir = dir;
        this.debug = debug;
    }

    /// What `app()` answers when set (tests with functions); else an app without functions.
    public volatile FunctionApp app;
    /// What `ingressUri()` answers (a test's tiny HTTP server, for "Run now").
    public volatile URI ingress = URI.create("http://127.0.0.1:7071");

    @Override public FunctionApp app() {
        if (app != null) return app;
        return new FunctionApp(dir, new HostConfig("2.0", Optional.empty(), false, "api", "handler"), List.of(), Map.of(),
                new ContainerAppSpec("hello", 8080, 1, 1, 0.5, 512L << 20, Map.of(), Optional.empty()), List.of());
    }

    /// What `durable()` answers; null until a test sets one (the Orchestrations tab then has nothing to show).
    public volatile dev.berth.runner.durable.DurableControl durable;

    @Override public dev.berth.runner.durable.DurableControl durable() { return durable; }

    /// What `jobs()` answers; null until a test sets one.
    public volatile dev.berth.runner.job.JobRunner jobs;
    /// What `scaleDecisions()` answers.
    public volatile List<dev.berth.runner.event.ScaleDecision> scaleDecisions = List.of();

    @Override public dev.berth.runner.job.JobRunner jobs() { return jobs; }

    @Override public List<dev.berth.runner.event.ScaleDecision> scaleDecisions() { return scaleDecisions; }

    /// What `revisions()` answers when set; else the default (this session does not manage revisions).
    public volatile dev.berth.runner.revision.RevisionControl revisions;

    @Override public dev.berth.runner.revision.RevisionControl revisions() {
        return revisions != null ? revisions : RunSession.super.revisions();
    }

    @Override public URI ingressUri() { return ingress; }

    /// Replicas `replicas()` lists after the default one (e.g. with GPUs).
    public volatile List<ReplicaInfo> moreReplicas = List.of();

    @Override public List<ReplicaInfo> replicas() {
        var first = new ReplicaInfo("hello-r1-a1", "r1", ReplicaState.READY, "c0ffee12", FakeRunner.T0,
                Optional.of(FakeRunner.T0.plusMillis(900)), 49153, debug ? 49154 : 0, 0, 0);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), moreReplicas.stream()).toList();
    }

    @Override public List<InvocationFinished> recentInvocations(int last) { return List.of(); }

    @Override public Map<String, String> functionKeys() {
        return Map.of("default", "dflt-key-0123456789", "master", "mstr-key-9876543210");
    }

    @Override public Optional<DebugEndpoint> debug() {
        return debug ? Optional.of(new DebugEndpoint("127.0.0.1", 49154)) : Optional.empty();
    }

    /// Real embedded storage in the project's `.berth/`, opened on first use, so explorers see real data.
    @Override public synchronized ProjectStorage storage() {
        if (storage == null) {
            try {
                storage = ProjectStorage.open(dir.resolve(".berth"), Clock.systemUTC());
            } catch (java.sql.SQLException | java.io.IOException e) {
                throw new IllegalStateException("cannot open the fake session's storage in " + dir, e);
            }
        }
        return storage;
    }

    @Override public synchronized void close() {
        closed.incrementAndGet();
        if (storage != null) storage.close();
    }

    private ProjectStorage storage;
}
