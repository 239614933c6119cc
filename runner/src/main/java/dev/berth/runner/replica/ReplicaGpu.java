package dev.berth.runner.replica;

import dev.berth.runner.container.GpuRequest;

/// The GPU side of one replica: the GPUs its container asked for ([GpuRequest#NONE] when none), or, when the
/// app asked for a GPU that the engine could not give under `BERTH_GPU=prefer`, that it runs on CPU and why.
public record ReplicaGpu(GpuRequest request, boolean onCpu, String cpuReason) {
    /// No GPU asked for.
    public static final ReplicaGpu NONE = new ReplicaGpu(GpuRequest.NONE, false, "");

    static ReplicaGpu on(GpuRequest request) { return new ReplicaGpu(request, false, ""); }

    static ReplicaGpu cpu(String reason) { return new ReplicaGpu(GpuRequest.NONE, true, reason); }

    /// "GPU 0,1", "2 GPUs", "all GPUs", "CPU (…)", or "" when no GPU was asked for.
    public String describe() {
        if (onCpu) return "CPU (" + cpuReason + ")";
        if (!request.deviceIds().isEmpty()) return "GPU " + String.join(",", request.deviceIds());
        if (request.count() < 0) return "all GPUs";
        if (request.count() > 0) return request.count() + (request.count() == 1 ? " GPU" : " GPUs");
        return "";
    }
}
