package dev.berth.runner.session;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.revision.RevisionControl;
import dev.berth.runner.revision.RevisionManager;
import dev.berth.runner.store.EventStore;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/// A started project: ingress, replicas and event store, closed together. Thread-safe.
final class RunningSession implements RunSession {
    private final FunctionApp app;
    private final Ingress ingress;
    private final RevisionManager revisions;
    private final SessionTriggers triggers;
    private final AutoCloseable autoscaler;
    private final dev.berth.runner.gpu.GpuSampler gpus;
    private final dev.berth.runner.job.JobSession jobs;
    private final dev.berth.runner.durable.DurableBackend durable;
    private final EventStore store;
    private final FunctionKeys keys;
    private final EventListener events;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningSession(FunctionApp app, Ingress ingress, RevisionManager revisions, SessionTriggers triggers,
                   AutoCloseable autoscaler, dev.berth.runner.gpu.GpuSampler gpus, dev.berth.runner.job.JobSession jobs,
                   dev.berth.runner.durable.DurableBackend durable, EventStore store, FunctionKeys keys,
                   EventListener events, Clock clock) {
        this.durable = durable;
        this.triggers = triggers;
        this.autoscaler = autoscaler;
        this.gpus = gpus;
        this.jobs = jobs;
        this.app = app;
        this.ingress = ingress;
        this.revisions = revisions;
        this.store = store;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Override public FunctionApp app() { return app; }

    @Override public dev.berth.runner.trigger.ProjectStorage storage() { return triggers.storage(); }

    @Override public URI ingressUri() { return ingress.uri(); }

    @Override public List<ReplicaInfo> replicas() { return revisions.router().replicas(); }

    @Override public RevisionControl revisions() { return revisions; }

    @Override
    public List<InvocationFinished> recentInvocations(int last) {
        store.flush(Duration.ofSeconds(5));
        return store.recentInvocations(last);
    }

    @Override public Map<String, String> functionKeys() { return keys.all(); }

    @Override
    public Optional<DebugEndpoint> debug() {
        return revisions.router().replicas().stream().filter(r -> r.debugPort() > 0).findFirst()
                .map(r -> new DebugEndpoint("127.0.0.1", r.debugPort()));
    }

    @Override public dev.berth.runner.job.JobRunner jobs() { return jobs.runner(); }

    @Override
    public List<dev.berth.runner.event.ScaleDecision> scaleDecisions() {
        return autoscaler instanceof dev.berth.runner.scale.Autoscaler scaler ? scaler.recent() : List.of();
    }

    @Override
    public dev.berth.runner.durable.DurableControl durable() { return durable.control(); }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO, "stopping " + app.containerApp().name()));
        try {
            RunFile.delete(app.stateDir());
        } catch (java.io.IOException e) {
            // A stale file is recognised by its dead pid; nothing depends on removing it now.
            org.slf4j.LoggerFactory.getLogger(RunningSession.class).debug("run.json not removed: {}", e.toString());
        }
        revisions.stopWatching(); // no rollout starts while the session stops
        try {
            autoscaler.close(); // it must not start replicas while they stop
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(RunningSession.class).warn("autoscaler close", e);
        }
        gpus.close(); // its last sample must not land after the replicas' last state
        jobs.close(); // its replicas are stopped and recorded before the storage they count closes
        triggers.close(); // its listeners dispatch through the ingress
        // Then the ingress: its requests in flight end (503) and are recorded before the replicas go.
        ingress.close();
        var left = revisions.stop();
        if (left.isEmpty()) {
            events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO, "stopped; containers removed"));
        } else {
            events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.WARNING, "stopped, but these"
                    + " replicas may have left a container: " + String.join(", ", left) + ". Berth's reaper removes"
                    + " them at the next start once this Berth process has exited (they carry its pid in"
                    + " berth.pid); `docker rm -f <container>` removes them now."));
        }
        durable.close(); // after the replicas: their workers are gone, none reconnects
        store.close();
    }
}
