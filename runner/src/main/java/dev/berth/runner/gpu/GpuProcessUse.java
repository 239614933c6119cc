package dev.berth.runner.gpu;

/// One process using a GPU in an `nvidia-smi` sample: the device's UUID, the process id as the host sees it,
/// and the GPU memory it holds in MiB. Immutable.
public record GpuProcessUse(String gpuUuid, long pid, long usedMemoryMiB) {}
