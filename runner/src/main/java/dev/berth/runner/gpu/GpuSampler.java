package dev.berth.runner.gpu;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.Waits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/// Samples the GPUs of every ready replica that runs on one, every [#INTERVAL] on its own virtual thread:
/// one [GpuMeter] read for all of them, each replica's [GpuShare] published as a [GpuMetrics] event (the
/// event store keeps them beside the other events; the charts draw them), and the latest reading per
/// replica kept for the GPU scale rule. Nothing is run while no replica has a GPU, so an app on CPU never
/// calls `nvidia-smi`. A meter that fails is reported once per distinct cause, then tried again quietly.
///
/// Thread-safe: [#utilisation] may be called from any thread; sampling happens on the loop thread (or the
/// caller of [#sample], in tests).
public final class GpuSampler implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /// Readings older than this no longer steer the autoscaler (the meter stopped answering).
    static final Duration FRESH = INTERVAL.multipliedBy(3);

    private record Reading(String revision, Instant at, double utilisation) {}

    private final GpuMeter meter;
    private final Supplier<List<ReplicaInfo>> replicas;
    private final Function<String, Set<Long>> processes;
    private final EventListener events;
    private final Clock clock;
    private final Waits waits;
    private final Map<String, Reading> latest = new HashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private String lastProblem;
    private Thread thread;

    /// `replicas` lists the session's replicas (all revisions); `processes` gives a container's process ids
    /// as the host numbers them (empty when it cannot say).
    public GpuSampler(GpuMeter meter, Supplier<List<ReplicaInfo>> replicas, Function<String, Set<Long>> processes,
                      EventListener events, Clock clock, Waits waits) {
        this.meter = meter;
        this.replicas = replicas;
        this.processes = processes;
        this.events = events;
        this.clock = clock;
        this.waits = waits;
    }

    public synchronized GpuSampler start() {
        thread = Thread.ofVirtual().name("gpu-sampler").start(this::loop);
        return this;
    }

    private void loop() {
        try {
            while (!closed) {
                waits.pause(INTERVAL, wake);
                if (!closed) sample();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /// Takes one sample now.
    public void sample() {
        var onGpu = replicas.get().stream()
                .filter(r -> r.state() == ReplicaState.READY && r.gpu().request().requested() && !r.containerId().isEmpty())
                .toList();
        forgetGone(onGpu);
        if (onGpu.isEmpty()) return;
        GpuSnapshot snapshot;
        try {
            snapshot = meter.read();
        } catch (GpuMeterException e) {
            problem(e.getMessage());
            return;
        }
        problem(null);
        var now = clock.instant();
        for (var replica : onGpu) {
            boolean shared = onGpu.stream().anyMatch(other -> other != replica
                    && GpuShare.overlap(replica.gpu().request(), other.gpu().request(), snapshot.devices()));
            var share = GpuShare.of(snapshot, replica.gpu().request(), processes.apply(replica.containerId()), shared);
            if (share.isEmpty()) continue;
            var s = share.get();
            synchronized (latest) {
                latest.put(replica.id(), new Reading(replica.revision(), now, s.utilisationPercent()));
            }
            events.onEvent(new GpuMetrics(now, replica.revision(), replica.id(), s.devices(), s.utilisationPercent(),
                    s.memoryUsedMiB(), s.memoryTotalMiB()));
        }
    }

    private void forgetGone(List<ReplicaInfo> onGpu) {
        var ids = onGpu.stream().map(ReplicaInfo::id).toList();
        synchronized (latest) {
            latest.keySet().retainAll(ids);
        }
    }

    private void problem(String message) {
        if (Objects.equals(message, lastProblem)) return;
        lastProblem = message;
        if (message != null) {
            events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.WARNING, "GPU metrics unavailable: "
                    + message + ". The replicas keep running; the GPU charts and GPU scale rule wait for the next sample."));
        }
    }

    /// The mean utilisation of `revision`'s replicas over their latest fresh readings, in percent; empty
    /// when none of them has one (no GPU, or the meter is failing).
    public OptionalDouble utilisation(String revision) {
        var oldest = clock.instant().minus(FRESH);
        synchronized (latest) {
            return latest.values().stream().filter(r -> r.revision().equals(revision) && !r.at().isBefore(oldest))
                    .mapToDouble(Reading::utilisation).average();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake.release();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) return;
        try {
            running.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
