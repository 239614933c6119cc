package dev.berth.runner.replica;

import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.project.ContainerAppGpu;

import java.util.Optional;

/// The check before a run starts: an app that requires a GPU (`BERTH_GPU=require`) on an engine that
/// reports none fails at once with the engine's reason, rather than after a build. Under `prefer` nothing
/// is decided here: the first replica tries, and falls back to CPU with the engine's own message. Stateless.
public final class GpuPreflight {
    private GpuPreflight() {}

    /// The message that should stop the run, or empty when it may go on.
    public static Optional<String> refusal(ContainerAppGpu gpu, EngineInfo info) {
        if (!gpu.requested() || gpu.mode() != ContainerAppGpu.Mode.REQUIRE || info.gpuAvailable()) return Optional.empty();
        return Optional.of("A GPU is required (" + gpu.source() + ", BERTH_GPU=require) but the engine cannot give "
                + "one: " + info.gpuDetail() + " Or set \"BERTH_GPU\": \"prefer\" in local.settings.json Values to run "
                + "on CPU meanwhile.");
    }
}
