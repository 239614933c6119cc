package dev.berth.runner.doctor;

import dev.berth.runner.gpu.GpuProbe;

import java.util.List;

/// NVIDIA GPUs on the host, and whether Docker can hand them to containers (the NVIDIA runtime registered
/// with the engine, or CDI specs). No GPU is no problem: GPU apps then run on CPU (`BERTH_GPU=prefer`, the default).
final class GpuCheck implements Check {
    private static final String TOOLKIT = "install the NVIDIA Container Toolkit, then `sudo nvidia-ctk runtime configure "
            + "--runtime=docker && sudo systemctl restart docker`";
    private final GpuProbe probe;

    GpuCheck(GpuProbe probe) { this.probe = probe; }

    @Override
    public List<Finding> run(EngineState engine) {
        var host = probe.gpus();
        Finding gpu;
        if (host.present()) {
            gpu = Finding.ok("GPU", String.join("; ", host.gpus().stream().map(g -> g.describe()).toList()));
        } else if (!host.problem().isEmpty()) {
            gpu = Finding.warn("GPU", host.problem(), "check the NVIDIA driver (nvidia-smi must list the GPU); "
                    + "without it GPU apps run on CPU");
        } else {
            gpu = Finding.info("GPU", host.nvidiaSmiFound() ? "nvidia-smi lists no GPU" : "no NVIDIA GPU (nvidia-smi not found)",
                    "none needed: GPU apps run on CPU (BERTH_GPU=prefer, the default)");
        }
        return List.of(gpu, containers(engine, host.present()));
    }

    private Finding containers(EngineState engine, boolean hostHasGpu) {
        var name = "GPU in containers";
        if (!(engine instanceof EngineState.Reachable(var info, _))) return Check.skipped(name);
        if (info.gpuAvailable()) return Finding.ok(name, info.gpuDetail());
        var cdi = probe.nvidiaCdiSpec();
        if (cdi.isPresent()) return Finding.ok(name, "CDI spec " + cdi.get() + " declares nvidia.com/gpu devices");
        if (hostHasGpu) return Finding.warn(name, "the host has a GPU but Docker cannot pass it: " + info.gpuDetail(), TOOLKIT);
        return Finding.info(name, "no NVIDIA runtime or CDI spec registered with Docker", "none needed without a GPU");
    }
}
