package dev.berth.runner.session;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.eventgrid.EventGridConfig;
import dev.berth.runner.gpu.GpuMeter;
import dev.berth.runner.gpu.GpuSampler;
import dev.berth.runner.replica.Waits;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.ingress.PortInUseException;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectLoader;
import dev.berth.runner.store.EventStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// Runs projects on the local container engine: load → bind the ingress (a taken port fails fast, before
/// a long build) → build the image → start the replicas. One per application; thread-safe.
public final class LocalRunner implements Runner {
    /// How long a request waits for a ready replica before the ingress answers 503.
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerEngine engine;
    private final Clock clock;
    private final GpuMeter gpuMeter;

    public LocalRunner(ContainerEngine engine, Clock clock) { this(engine, clock, GpuMeter.system()); }

    /// With the meter that samples the replicas' GPUs (tests pass one over a stand-in `nvidia-smi`).
    public LocalRunner(ContainerEngine engine, Clock clock, GpuMeter gpuMeter) {
        this.engine = engine;
        this.clock = clock;
        this.gpuMeter = gpuMeter;
    }

    @Override
    public RunSession start(Path projectDir, RunOptions options, EventListener listener)
            throws ProjectException, RunException {
        var app = new ProjectLoader().load(projectDir.toAbsolutePath().normalize());
        var jobSpecs = new dev.berth.runner.project.JobLoader().load(app.dir());
        var eventGrid = EventGridConfig.load(app.dir(), app.functions());
        var subscriptions = eventGrid.orThrow();
        var revisionConfig = dev.berth.runner.revision.RevisionConfigReader.read(app.dir());
        var sessionId = SessionIds.next();
        var store = openStore(app, sessionId);
        var events = new Fanout(List.of(store, listener));
        var cleanup = new ArrayList<AutoCloseable>(List.of(store));
        try {
            app.warnings().forEach(w -> notice(events, RunnerNotice.Level.WARNING, w.describe()));
            eventGrid.warnings().forEach(w -> notice(events, RunnerNotice.Level.WARNING, w.describe()));
            var keys = loadKeys(app);
            checkEngine(app, events);
            var durable = SessionDurable.start(app, options, engine, events, clock);
            cleanup.addFirst(durable);
            var revisions = SessionRevisions.create(app, revisionConfig, sessionId, options, durable, engine, events, clock);
            cleanup.addFirst(revisions);
            var ingress = startIngress(options, app, keys, revisions.router(), events, store);
            cleanup.addFirst(ingress);
            ingress.mount(Ingress.DURABLE, new dev.berth.runner.durable.http.DurableHttpApi(durable.control(),
                    new com.fasterxml.jackson.databind.ObjectMapper())::handle);
            SessionRevisions.mount(ingress, revisions, app);
            var revision = SessionRevisions.start(revisions, revisionConfig, app);
            var triggers = SessionTriggers.start(app, subscriptions, ingress, events, clock);
            cleanup.addFirst(triggers);
            var gpus = startGpuSampler(app, revisions.router()::replicas, events);
            cleanup.addFirst(gpus);
            AutoCloseable scaler = options.debug() ? () -> {} : SessionScaling.start(app, revision, revisions, ingress,
                    triggers.storage().queues(), engine, gpus, events, clock);
            cleanup.addFirst(scaler);
            var jobs = dev.berth.runner.job.JobSession.start(jobSpecs, app, ReplicaPlan.imageTag(app, revision),
                    ReplicaPlan.labels(app, revision, sessionId), engine, triggers.storage().queues(), ingress, events, clock);
            cleanup.addFirst(jobs);
            notice(events, RunnerNotice.Level.INFO, "serving " + ingress.uri() + " (revision " + revision + ")");
            publishRunFile(app, ingress, events);
            return new RunningSession(app, ingress, revisions, triggers, scaler, gpus, jobs, durable, store, keys, events, clock);
        } catch (RunException | RuntimeException e) {
            closeAll(cleanup);
            throw e;
        }
    }

    /// On for a local engine whatever the app asks now (a rollout may give it a GPU; while no replica has one it
    /// runs nothing). A remote engine's GPUs are not this machine's `nvidia-smi`'s: no metrics, said once.
    private GpuSampler startGpuSampler(FunctionApp app, java.util.function.Supplier<List<dev.berth.runner.replica.ReplicaInfo>> replicas,
                                       EventListener events) {
        var sampler = new GpuSampler(gpuMeter, replicas, engine::processIds, events, clock, Waits.real());
        if (engine.local()) return sampler.start();
        if (app.containerApp().gpu().requested()) {
            notice(events, RunnerNotice.Level.INFO, "GPU metrics need a Docker engine on this machine (DOCKER_HOST points "
                    + "elsewhere): no GPU chart, and a gpu scale rule keeps the replica count");
        }
        return sampler;
    }

    /// Lets `berth invoke` find this session. Not fatal: the app still serves without it.
    private void publishRunFile(FunctionApp app, Ingress ingress, EventListener events) {
        try {
            RunFile.write(app.stateDir(), ingress.uri());
        } catch (IOException e) {
            notice(events, RunnerNotice.Level.WARNING, "cannot write " + app.stateDir().resolve("run.json") + " ("
                    + e.getMessage() + "); `berth invoke` will need --port");
        }
    }

    private EventStore openStore(FunctionApp app, String sessionId) throws RunException {
        var file = app.stateDir().resolve("berth.db");
        try {
            return EventStore.open(file, sessionId);
        } catch (SQLException e) {
            throw new RunException("Cannot open the event database " + file + ": " + e.getMessage()
                    + ". Fix: check the folder's permissions, or delete the file to start a new history.", e);
        }
    }

    private static FunctionKeys loadKeys(FunctionApp app) throws RunException {
        try {
            return FunctionKeys.load(app.stateDir());
        } catch (IOException e) {
            throw new RunException(e.getMessage(), e);
        }
    }

    private void checkEngine(FunctionApp app, EventListener events) throws RunException {
        try {
            var info = engine.info();
            notice(events, RunnerNotice.Level.INFO, "Docker " + info.version() + " (API " + info.apiVersion() + ")"
                    + (info.gpuAvailable() ? ", GPU available" : ""));
            // BERTH_GPU=require fails here, before a long build, when Docker cannot hand out a GPU at all.
            var refusal = dev.berth.runner.replica.GpuPreflight.refusal(app.containerApp().gpu(), info);
            if (refusal.isPresent()) throw new RunException(refusal.get());
        } catch (EngineUnavailableException e) {
            throw new RunException(e.getMessage(), e);
        }
        int reaped = engine.reapOrphans();
        if (reaped > 0) notice(events, RunnerNotice.Level.INFO, "removed " + reaped + " container(s) left by a crashed session");
    }

    private Ingress startIngress(RunOptions options, FunctionApp app, FunctionKeys keys, dev.berth.runner.replica.ReplicaPool replicas,
                                 EventListener events, EventStore store) throws RunException {
        var timeout = options.debug() ? Duration.ZERO : app.host().effectiveTimeout();
        var settings = new Ingress.Settings(options.port(), app, keys, replicas, events, clock, last -> {
            store.flush(Duration.ofSeconds(5));
            return store.recentInvocations(last);
        }, timeout, ACQUIRE_TIMEOUT);
        try {
            return Ingress.start(settings);
        } catch (PortInUseException e) {
            throw new RunException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunException("Cannot start the ingress on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
    }

    private void notice(EventListener events, RunnerNotice.Level level, String text) {
        events.onEvent(new RunnerNotice(clock.instant(), level, text));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (var resource : resources) {
            try {
                resource.close();
            } catch (Exception suppressed) {
                org.slf4j.LoggerFactory.getLogger(LocalRunner.class).warn("cleanup after a failed start", suppressed);
            }
        }
    }
}
