package dev.berth.runner.event;

import java.time.Instant;
import java.util.List;

/// One sample of a replica's GPUs, taken every few seconds while it runs on them: the device indexes its
/// container got, their mean utilisation in percent, and the GPU memory the replica holds and the devices
/// have, in MiB. Stored with the other events, so the charts of a past run can be drawn again.
public record GpuMetrics(Instant at, String revision, String replicaId, List<String> devices,
                         double utilisationPercent, long memoryUsedMiB, long memoryTotalMiB) implements RunnerEvent {
    public GpuMetrics { devices = List.copyOf(devices); }

    /// Memory held in percent of what its devices have (0 when they report no total).
    public double memoryPercent() { return memoryTotalMiB > 0 ? 100.0 * memoryUsedMiB / memoryTotalMiB : 0; }
}
