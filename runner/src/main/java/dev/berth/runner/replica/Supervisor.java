package dev.berth.runner.replica;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.container.StartedContainer;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.project.ContainerAppGpu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/// Runs one replica's life on its own virtual thread: start the container, follow its logs, wait for
/// readiness, watch it, and after a crash or failed start remove it and start again with backoff, until
/// the set asks it to stop. The only thread that starts or removes this replica's containers.
final class Supervisor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    /// While a replica starts, a container that already exited is noticed within this much time.
    private static final Duration STATUS_WHILE_STARTING = Duration.ofMillis(100);
    /// An engine call can time out now and then (a busy daemon) without the container being in trouble;
    /// only this many failed status checks in a row count as the engine failing.
    static final int STATUS_FAILURES_TOLERATED = 3;

    private enum Outcome { STOPPED, FAILED, CRASHED }

    private enum Readiness { READY, STOPPED, EXITED, TIMED_OUT }

    private final ReplicaSet set;
    private final Replica replica;
    private final ContainerEngine engine;
    private final ReplicaTemplate template;
    private final Clock clock;
    private final ReplicaSet.Settings settings;
    private int failures;
    private int attempts;
    private int statusFailures;
    private Instant readyAt;
    /// What the running container got: its GPUs, or CPU after a fallback.
    private ReplicaGpu gpuUse = ReplicaGpu.NONE;

    Supervisor(ReplicaSet set, Replica replica, ContainerEngine engine, ReplicaTemplate template,
               Clock clock, ReplicaSet.Settings settings) {
        this.set = set;
        this.replica = replica;
        this.engine = engine;
        this.template = template;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void run() {
        var detail = "container removed";
        try {
            while (!set.stopRequested(replica)) {
                if (attempt() == Outcome.STOPPED || set.stopRequested(replica)) break;
                backoff();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        } catch (RuntimeException e) {
            LOG.error("replica {} supervisor failed", replica.id, e);
            detail = "Berth failed to supervise it: " + e;
        } finally {
            set.finished(replica, detail);
        }
    }

    private Outcome attempt() throws InterruptedException {
        readyAt = null;
        var begun = clock.instant();
        set.update(replica, ReplicaState.STARTING, attempts == 0 ? "starting" : "starting again",
                r -> r.beginAttempt(begun));
        StartedContainer container;
        try {
            container = start();
        } catch (ContainerStartException | RuntimeException e) {
            set.update(replica, ReplicaState.FAILED, "the container did not start: " + e.getMessage(), r -> { });
            return Outcome.FAILED;
        } finally {
            attempts++;
        }
        AutoCloseable logs = () -> { };
        try {
            logs = engine.followLogs(container.id(), (stream, text) ->
                    set.publish(new LogLine(clock.instant(), replica.id, stream, text)));
            return runContainer(container, begun);
        } catch (RuntimeException e) {
            LOG.warn("replica {}: engine call failed", replica.id, e);
            set.update(replica, ReplicaState.FAILED, "the container engine failed: " + e.getMessage(), r -> { });
            return Outcome.FAILED;
        } finally {
            closeQuietly(logs);
            var removed = remove(container.id());
            set.containerRemoved(replica, container.id(),
                    container.hostPorts().getOrDefault(template.handlerPort(), 0), removed);
        }
    }

    private Outcome runContainer(StartedContainer container, Instant begun) throws InterruptedException {
        int hostPort = container.hostPorts().getOrDefault(template.handlerPort(), 0);
        if (hostPort == 0) {
            return failed("the container engine did not publish container port " + template.handlerPort()
                    + " (it published " + container.hostPorts() + ")");
        }
        int debugPort = template.debugPort() > 0 ? container.hostPorts().getOrDefault(template.debugPort(), 0) : 0;
        int probePort = ReadinessProbe.containerPort(template.readiness(), template.handlerPort());
        var probe = ReadinessProbe.of(template.readiness(), template.handlerPort(),
                container.hostPorts().getOrDefault(probePort, 0));
        var on = gpuUse.describe().isEmpty() ? "" : " on " + gpuUse.describe();
        set.update(replica, ReplicaState.STARTING, "container running" + on + ", waiting for " + probe.describe(), r -> {
            r.containerId = container.id();
            r.hostPort = hostPort;
            r.debugPort = debugPort;
            r.gpu = gpuUse;
        });
        var started = clock.instant();
        var initialDelay = template.readiness().map(p -> Duration.ofSeconds(Math.max(0, p.initialDelaySeconds())))
                .orElse(Duration.ZERO);
        if (!initialDelay.isZero()) settings.waits().pause(initialDelay, replica.wake);
        return switch (awaitReady(container.id(), probe)) {
            case READY -> {
                readyAt = clock.instant();
                set.update(replica, ReplicaState.READY, "ready in " + Duration.between(begun, readyAt).toMillis()
                        + " ms (container started in " + Duration.between(begun, started).toMillis() + " ms, answered "
                        + Duration.between(started, readyAt).toMillis() + " ms later)", r -> r.ready = readyAt);
                yield watch(container.id(), probe);
            }
            case STOPPED -> Outcome.STOPPED;
            case EXITED -> failed("it exited before it was ready: " + exitReport(container.id()) + "\n"
                    + ExitReport.startHint(template));
            case TIMED_OUT -> failed(notReady(container.id(), probe));
        };
    }

    /// Probes until the replica answers, its container exits, the start deadline passes or a stop comes.
    private Readiness awaitReady(String containerId, ReadinessProbe probe) throws InterruptedException {
        var start = clock.instant();
        var deadline = start.plus(settings.startDeadline());
        var lastStatus = start;
        while (!set.stopRequested(replica)) {
            if (probe.check()) return Readiness.READY;
            var now = clock.instant();
            if (Duration.between(lastStatus, now).compareTo(STATUS_WHILE_STARTING) >= 0) {
                lastStatus = now;
                if (!running(containerId)) return Readiness.EXITED;
            }
            if (!now.isBefore(deadline)) return Readiness.TIMED_OUT;
            settings.waits().pause(probe.interval(Duration.between(start, now)), replica.wake);
        }
        return Readiness.STOPPED;
    }

    /// Watches a ready replica until its container exits or a stop comes. A failed request (a lease's
    /// report) makes it check at once and probe again before taking requests.
    private Outcome watch(String containerId, ReadinessProbe probe) throws InterruptedException {
        while (true) {
            settings.waits().pause(settings.statusPoll(), replica.wake);
            if (set.stopRequested(replica)) return Outcome.STOPPED;
            if (!running(containerId)) {
                set.update(replica, ReplicaState.CRASHED, exitReport(containerId), r -> { });
                return Outcome.CRASHED;
            }
            if (!set.takeCheckRequest(replica)) continue;
            var started = clock.instant();
            switch (awaitReady(containerId, probe)) {
                case READY -> set.update(replica, ReplicaState.READY, "answers again after a failed request, checked in "
                        + Duration.between(started, clock.instant()).toMillis() + " ms", r -> { });
                case STOPPED -> { return Outcome.STOPPED; }
                case EXITED -> {
                    set.update(replica, ReplicaState.CRASHED, exitReport(containerId), r -> { });
                    return Outcome.CRASHED;
                }
                case TIMED_OUT -> { return failed("it stopped answering: " + notReady(containerId, probe)); }
            }
        }
    }

    /// Whether the container runs. A failed engine call counts as "still running" (and is logged) until
    /// it has failed [#STATUS_FAILURES_TOLERATED] times in a row; then its exception ends the attempt.
    private boolean running(String containerId) {
        try {
            var running = engine.status(containerId).running();
            statusFailures = 0;
            return running;
        } catch (RuntimeException e) {
            if (++statusFailures >= STATUS_FAILURES_TOLERATED) throw e;
            LOG.warn("replica {}: checking container {} failed ({} in a row, {} tolerated): {}", replica.id,
                    containerId, statusFailures, STATUS_FAILURES_TOLERATED - 1, e.toString());
            return true;
        }
    }

    private Outcome failed(String detail) {
        set.update(replica, ReplicaState.FAILED, detail, r -> { });
        return Outcome.FAILED;
    }

    private String exitReport(String containerId) {
        return ExitReport.describe(engine, containerId, engine.status(containerId), template);
    }

    private String notReady(String containerId, ReadinessProbe probe) {
        return "not ready within " + settings.startDeadline().toSeconds() + " s: " + probe.describe()
                + " last failed with " + probe.lastFailure() + "; the container still runs and is removed. "
                + "Fix: make the handler listen on 0.0.0.0:" + template.handlerPort()
                + " or correct the readiness probe in containerapp.yaml (template.containers[0].probes). Last logs:"
                + ExitReport.lastLogs(engine, containerId);
    }

    /// Waits before the next start: 1 s, 2 s, 4 s … up to the cap, starting over once a replica had
    /// stayed ready for `backoffReset`.
    private void backoff() throws InterruptedException {
        if (readyAt != null && Duration.between(readyAt, clock.instant()).compareTo(settings.backoffReset()) >= 0) {
            failures = 0;
        }
        var delay = settings.backoff(failures++);
        // Stale wake-ups are drained before the announcement, not after: a stop requested once `update`
        // has let go of the lock releases a permit that must still cut this pause short.
        replica.wake.drainPermits();
        var announced = set.update(replica, ReplicaState.RESTARTING,
                "restarting in " + human(delay), r -> r.restarts++);
        if (!announced) return;
        settings.waits().pause(delay, replica.wake);
    }

    /// Starts the container with the GPUs the placement gives. An engine that refuses them fails the start
    /// under `require`, and under `prefer` makes this and every later replica of the revision start on CPU.
    private StartedContainer start() throws ContainerStartException {
        var placement = set.gpu();
        var request = placement.request(replica.id);
        try {
            var started = engine.start(spec(request));
            gpuUse = request.requested() ? ReplicaGpu.on(request)
                    : placement.cpuReason().map(ReplicaGpu::cpu).orElse(ReplicaGpu.NONE);
            return started;
        } catch (ContainerStartException e) {
            var refusal = request.requested() ? GpuRefusal.of(e.getMessage()) : java.util.Optional.<GpuRefusal>empty();
            if (refusal.isEmpty()) throw e;
            if (placement.plan().mode() == ContainerAppGpu.Mode.REQUIRE) {
                throw new ContainerStartException(set.requireFailed(refusal.get()), e);
            }
            set.fallBackToCpu(refusal.get());
            var started = engine.start(spec(GpuRequest.NONE));
            gpuUse = ReplicaGpu.cpu(refusal.get().cause());
            return started;
        }
    }

    private ContainerSpec spec(GpuRequest gpu) {
        var labels = new HashMap<>(template.labels());
        labels.putIfAbsent("berth.revision", template.revision());
        labels.put("berth.replica", replica.id);
        var env = new HashMap<>(GpuPlacement.env(template.env(), gpu));
        // Container Apps tells each replica its name this way; handlers may log it.
        env.put("CONTAINER_APP_REPLICA_NAME", replica.id);
        var ports = new ArrayList<>(List.of(template.handlerPort()));
        int probePort = ReadinessProbe.containerPort(template.readiness(), template.handlerPort());
        if (!ports.contains(probePort)) ports.add(probePort);
        if (template.debugPort() > 0 && !ports.contains(template.debugPort())) ports.add(template.debugPort());
        // A per-attempt name: a container that failed to be removed never blocks the restart.
        var name = "berth-" + replica.id.replaceAll("[^a-zA-Z0-9_.-]", "-") + (attempts == 0 ? "" : "-" + attempts);
        return new ContainerSpec(template.image(), name, labels, env, ports, template.nanoCpus(),
                template.memoryBytes(), List.of(), gpu);
    }

    private boolean remove(String containerId) {
        try {
            engine.stopAndRemove(containerId, settings.stopGrace());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("replica {}: could not remove container {}", replica.id, containerId, e);
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("closing a log stream", e);
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
