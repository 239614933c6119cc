package dev.berth.runner.gpu;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.PollingLoop;
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
import java.util.function.Function;
import java.util.function.Supplier;

/// Samples the GPUs of every ready replica that runs on one, every [#INTERVAL] on its own virtual thread:
/// one [GpuMeter] read for all of them, each replica's [GpuShare] published as a [GpuMetrics] event (the
/// event store keeps them beside the other events; the charts draw them), and the latest reading per
/// replica kept for the GPU scale rule ([#busy]). Nothing is run while no replica has a GPU, so an app on CPU never
/// calls `nvidia-smi`. A meter that fails is reported once per distinct cause, then tried again quietly.
///
/// Thread-safe: [#busy] may be called from any thread; sampling happens on the loop thread (or the
/// caller of [#sample], in tests).
public final class GpuSampler implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GpuSampler.class);
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /// Readings older than this no longer steer the autoscaler (the meter stopped answering).
    static final Duration FRESH = INTERVAL.multipliedBy(3);

    /// A replica's latest sample: the busy % of each of its devices (by index).
    private record Reading(String revision, Instant at, Map<String, Double> busy) {}

    private final GpuMeter meter;
    private final Supplier<List<ReplicaInfo>> replicas;
    private final Function<String, Set<Long>> processes;
    private final EventListener events;
    private final Clock clock;
    private final PollingLoop loop;
    private final Map<String, Reading> latest = new HashMap<>();
    private String lastProblem;
    private final java.util.Set<String> unlistedSaid = new java.util.HashSet<>();

    /// `replicas` lists the session's replicas (all revisions); `processes` gives a container's process ids
    /// as the host numbers them (empty when it cannot say).
    public GpuSampler(GpuMeter meter, Supplier<List<ReplicaInfo>> replicas, Function<String, Set<Long>> processes,
                      EventListener events, Clock clock, Waits waits) {
        this.meter = meter;
        this.replicas = replicas;
        this.processes = processes;
        this.events = events;
        this.clock = clock;
        // A sample in flight is interrupted on close: that kills its nvidia-smi rather than wait out its timeout.
        this.loop = new PollingLoop("gpu-sampler", INTERVAL, waits, this::sampleOrReport,
                GpuMeter.TIMEOUT.multipliedBy(2).plusSeconds(1), true);
    }

    public GpuSampler start() {
        loop.start();
        return this;
    }

    /// One sample; whatever goes wrong is told to the user and tried again next time, so a bad sample never
    /// ends the sampling for the rest of the session.
    private void sampleOrReport() {
        try {
            sample();
        } catch (RuntimeException e) {
            if (loop.closed()) return;
            LOG.warn("GPU sample failed; trying again at the next one", e);
            problem(e.toString());
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
            if (!loop.closed()) problem(e.getMessage());
            return;
        }
        problem(null);
        var now = clock.instant();
        for (var replica : onGpu) {
            if (loop.closed()) return; // nothing lands after the replicas' last state
            boolean shared = onGpu.stream().anyMatch(other -> other != replica
                    && GpuShare.overlap(replica.gpu().request(), other.gpu().request(), snapshot.devices()));
            var share = GpuShare.of(snapshot, replica.gpu().request(), processes.apply(replica.containerId()), shared);
            if (share.isEmpty()) {
                unlisted(replica);
                continue;
            }
            var s = share.get();
            synchronized (latest) {
                latest.put(replica.id(), new Reading(replica.revision(), now, busyByDevice(snapshot, s.devices())));
            }
            events.onEvent(new GpuMetrics(now, replica.revision(), replica.id(), s.devices(), s.utilisationPercent(),
                    s.memoryUsedMiB(), s.memoryTotalMiB()));
        }
    }

    private static Map<String, Double> busyByDevice(GpuSnapshot snapshot, List<String> indexes) {
        var busy = new HashMap<String, Double>();
        for (var device : snapshot.devices()) {
            var index = Integer.toString(device.index());
            if (indexes.contains(index)) busy.put(index, device.utilisationPercent());
        }
        return Map.copyOf(busy);
    }

    /// Asked for devices nvidia-smi does not list (a MIG id, a typo in BERTH_GPU_DEVICES): said once per replica.
    private void unlisted(ReplicaInfo replica) {
        if (!unlistedSaid.add(replica.id())) return;
        events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.WARNING, "GPU metrics: replica "
                + replica.id() + " asked for " + replica.gpu().describe() + ", which nvidia-smi does not list; it gets no "
                + "GPU chart. Fix: name GPUs by the index or UUID `nvidia-smi -L` prints (BERTH_GPU_DEVICES)."));
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
                    + message + ". The replicas keep running; the GPU chart pauses and a gpu scale rule keeps the"
                    + " replica count until samples come back."));
        }
    }

    /// How busy the GPUs of `revision`'s replicas are, in percent added up over distinct devices (two
    /// replicas sharing GPU 0 at 90 % give 90; two on GPUs 0 and 1 at 90 % give 180), from their latest fresh
    /// readings; empty when none has one (no GPU, still starting, or the meter is failing).
    public OptionalDouble busy(String revision) {
        var oldest = clock.instant().minus(FRESH);
        var devices = new HashMap<String, Double>();
        synchronized (latest) {
            latest.values().stream().filter(r -> r.revision().equals(revision) && !r.at().isBefore(oldest))
                    .forEach(r -> devices.putAll(r.busy()));
        }
        if (devices.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of(devices.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Override
    public void close() { loop.close(); }
}
