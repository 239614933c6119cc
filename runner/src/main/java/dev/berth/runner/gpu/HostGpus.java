package dev.berth.runner.gpu;

import java.util.List;

/// What the host has in GPUs. `gpus` is empty when there are none; `problem` is non-empty when
/// `nvidia-smi` exists but did not answer (driver not loaded, timeout), and says what it printed. Immutable.
public record HostGpus(List<HostGpu> gpus, boolean nvidiaSmiFound, String problem) {
    public HostGpus {
        gpus = List.copyOf(gpus);
    }

    public static HostGpus none() { return new HostGpus(List.of(), false, ""); }

    public boolean present() { return !gpus.isEmpty(); }
}
