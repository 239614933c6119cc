package dev.berth.visualizer.scale;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// What the GPU chart draws, per revision and replica: GPU utilisation and GPU memory held (both in percent)
/// as step series, and the latest sample for the legend. The app feeds it from the runner's GPU samples.
/// Each series keeps at most [ScaleHistory#CAPACITY] corners. Not thread-safe: FX thread only.
public final class GpuHistory {
    /// The latest sample of a replica, as the legend shows it.
    public record Latest(List<String> devices, double utilisationPercent, long memoryUsedMiB, long memoryTotalMiB) {
        public Latest { devices = List.copyOf(devices); }
    }

    /// One replica's series.
    public static final class Replica {
        final StepSeries utilisation = new StepSeries(0, ScaleHistory.CAPACITY);
        final StepSeries memory = new StepSeries(0, ScaleHistory.CAPACITY);
        Latest latest;

        public StepSeries utilisation() { return utilisation; }

        /// Memory held in percent of its devices' memory.
        public StepSeries memory() { return memory; }

        public Latest latest() { return latest; }
    }

    private final Map<String, Map<String, Replica>> revisions = new LinkedHashMap<>();
    private long changes;

    /// One sample of `replica` (of `revision`) at `at`.
    public void sample(String revision, String replica, Instant at, Latest latest) {
        var series = revisions.computeIfAbsent(revision, r -> new LinkedHashMap<>()).computeIfAbsent(replica, r -> new Replica());
        series.utilisation.set(at, latest.utilisationPercent());
        series.memory.set(at, latest.memoryTotalMiB() > 0 ? 100.0 * latest.memoryUsedMiB() / latest.memoryTotalMiB() : 0);
        series.latest = latest;
        changes++;
    }

    /// `replica` stopped: its lines end at `at` (they fall to 0 there rather than run on flat).
    public void stopped(String revision, String replica, Instant at) {
        var replicas = revisions.get(revision);
        var series = replicas == null ? null : replicas.get(replica);
        if (series == null) return;
        series.utilisation.set(at, 0);
        series.memory.set(at, 0);
        changes++;
    }

    /// The replicas of `revision` that ever reported a GPU sample, in the order they first did.
    public Map<String, Replica> replicas(String revision) {
        return java.util.Collections.unmodifiableMap(revisions.getOrDefault(revision, Map.of()));
    }

    public boolean isEmpty() { return revisions.isEmpty(); }

    /// Counts every change, so the chart redraws only when something happened.
    public long changes() { return changes; }

    public void clear() {
        revisions.clear();
        changes++;
    }
}
