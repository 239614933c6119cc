package dev.berth.runner.replica;

import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.project.ContainerAppGpu;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/// Which GPUs each replica of one revision asks for: the same request for all (`share`), or one device
/// each, the least used first (`split`); and whether the revision fell back to CPU. Thread-safe (its own
/// monitor; never held while calling out).
final class GpuPlacement {
    static final String VISIBLE_DEVICES = "NVIDIA_VISIBLE_DEVICES";
    static final String DRIVER_CAPABILITIES = "NVIDIA_DRIVER_CAPABILITIES";

    private final ContainerAppGpu plan;
    private final Map<String, String> splitOf = new HashMap<>();
    private String cpuReason;
    private boolean requireReported;

    GpuPlacement(ContainerAppGpu plan) { this.plan = plan; }

    ContainerAppGpu plan() { return plan; }

    /// The request of `replicaId`'s next container: none when no GPU is asked for or after a fallback.
    synchronized GpuRequest request(String replicaId) {
        if (!plan.requested() || cpuReason != null) return GpuRequest.NONE;
        if (plan.sharing() == ContainerAppGpu.Sharing.SHARE) return new GpuRequest(plan.count(), plan.deviceIds());
        return new GpuRequest(0, List.of(splitOf.computeIfAbsent(replicaId, id -> leastUsed())));
    }

    /// The replica is gone; its device is free for the next.
    synchronized void release(String replicaId) { splitOf.remove(replicaId); }

    /// From now on replicas start on CPU. True only for the first call (the one that warns).
    synchronized boolean fallBack(String reason) {
        if (cpuReason != null) return false;
        cpuReason = reason;
        return true;
    }

    synchronized Optional<String> cpuReason() { return Optional.ofNullable(cpuReason); }

    /// True only the first time a required GPU was refused (the one that reports it to the user).
    synchronized boolean firstRequireFailure() {
        if (requireReported) return false;
        requireReported = true;
        return true;
    }

    private String leastUsed() {
        var pool = plan.deviceIds().isEmpty()
                ? IntStream.range(0, plan.count()).mapToObj(Integer::toString).toList() : plan.deviceIds();
        var uses = new LinkedHashMap<String, Integer>();
        pool.forEach(id -> uses.put(id, 0));
        splitOf.values().forEach(id -> uses.merge(id, 1, Integer::sum));
        return uses.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /// The NVIDIA environment of a container with `request`, on top of `env`: the visible devices match the
    /// request (Docker's NVIDIA driver sets the same value), the capabilities are compute and utility
    /// (CUDA and nvidia-smi) unless the app set its own.
    static Map<String, String> env(Map<String, String> env, GpuRequest request) {
        if (!request.requested()) return env;
        var result = new HashMap<>(env);
        result.put(VISIBLE_DEVICES, visibleDevices(request));
        result.putIfAbsent(DRIVER_CAPABILITIES, "compute,utility");
        return result;
    }

    static String visibleDevices(GpuRequest request) {
        if (!request.deviceIds().isEmpty()) return String.join(",", request.deviceIds());
        if (request.count() < 0) return "all";
        return String.join(",", IntStream.range(0, request.count()).mapToObj(Integer::toString).toList());
    }
}
