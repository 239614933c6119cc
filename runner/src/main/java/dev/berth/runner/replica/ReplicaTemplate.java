package dev.berth.runner.replica;

import dev.berth.runner.project.ContainerAppSpec;

import java.util.Map;
import java.util.Optional;

/// How to start each replica of one revision. `handlerPort` is the container port the function handler
/// listens on (FUNCTIONS_CUSTOMHANDLER_PORT); `debugPort` is the container's JDWP port, 0 when not debugging.
/// `labels` are the Berth labels (project, revision, session); the engine adds `berth.managed` itself.
public record ReplicaTemplate(String project, String revision, String image, Map<String, String> labels,
                              Map<String, String> env, int handlerPort, long nanoCpus, long memoryBytes,
                              Optional<ContainerAppSpec.Probe> readiness, int debugPort) {
    public ReplicaTemplate {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
    }
}
