package dev.berth.runner.gpu;

/// One NVIDIA GPU as `nvidia-smi` reports it: model name, total memory in MiB, driver version. Immutable.
public record HostGpu(String name, long memoryMiB, String driver) {
    /// "NVIDIA A100-SXM4-80GB, 81920 MiB, driver 550.54.15".
    public String describe() { return name + ", " + memoryMiB + " MiB, driver " + driver; }
}
