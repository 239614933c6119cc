package dev.berth.runner.scale;

import java.util.Map;
import java.util.OptionalDouble;

/// One sample of what the rules scale on: requests in flight (peak since the previous sample, held ones
/// included), requests held while no replica is ready, messages per queue (visible and invisible, as
/// KEDA's azure-queue scaler counts them), and the replicas' average cpu and memory use in percent of what
/// the container requests, and the busy % of the distinct GPUs they run on, added up (each empty when unknown).
/// Immutable.
public record ScaleMetrics(int concurrentRequests, int heldRequests, Map<String, Long> queueLengths,
                           OptionalDouble cpuPercent, OptionalDouble memoryPercent, OptionalDouble gpuPercent) {
    public ScaleMetrics { queueLengths = Map.copyOf(queueLengths); }

    /// Without a GPU reading.
    public ScaleMetrics(int concurrentRequests, int heldRequests, Map<String, Long> queueLengths,
                        OptionalDouble cpuPercent, OptionalDouble memoryPercent) {
        this(concurrentRequests, heldRequests, queueLengths, cpuPercent, memoryPercent, OptionalDouble.empty());
    }

    public static ScaleMetrics idle() {
        return new ScaleMetrics(0, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty());
    }
}
