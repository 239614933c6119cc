package dev.berth.runner.replica;

import dev.berth.runner.project.ContainerAppGpu;
import dev.berth.runner.project.ContainerAppSpec;

import java.util.Map;
import java.util.Optional;

/// How to start each replica of one revision. `handlerPort` is the container port the function handler
/// listens on (FUNCTIONS_CUSTOMHANDLER_PORT); `debugPort` is the container's JDWP port, 0 when not debugging.
/// `labels` are the Berth labels (project, revision, session); the engine adds `berth.managed` itself.
/// `gpu` is what each replica asks for ([ContainerAppGpu#NONE] for no GPU).
public record ReplicaTemplate(String project, String revision, String image, Map<String, String> labels,
                              Map<String, String> env, int handlerPort, long nanoCpus, long memoryBytes,
                              Optional<ContainerAppSpec.Probe> readiness, int debugPort, ContainerAppGpu gpu) {
    public ReplicaTemplate {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
        gpu = gpu == null ? ContainerAppGpu.NONE : gpu;
    }

    /// A template without a GPU.
    public ReplicaTemplate(String project, String revision, String image, Map<String, String> labels,
                           Map<String, String> env, int handlerPort, long nanoCpus, long memoryBytes,
                           Optional<ContainerAppSpec.Probe> readiness, int debugPort) {
        this(project, revision, image, labels, env, handlerPort, nanoCpus, memoryBytes, readiness, debugPort,
                ContainerAppGpu.NONE);
    }
}
