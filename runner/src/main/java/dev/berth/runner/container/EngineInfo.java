package dev.berth.runner.container;

/// What the engine is: version and API version as it reports them, and whether a GPU can be requested
/// (an NVIDIA runtime is registered). `gpuDetail` explains the GPU answer in a sentence.
public record EngineInfo(String version, String apiVersion, String operatingSystem, boolean gpuAvailable,
                         String gpuDetail) {}
