package dev.berth.runner.project;

import java.util.Map;
import java.util.Optional;

/// What the runner needs from containerapp.yaml: ingress target port, the first container's
/// resources and env, its readiness probe, and the scale section (replica bounds and rules, whose bounds
/// `minReplicas`/`maxReplicas` repeat), and the GPUs each replica asks for ([ContainerAppGpu#NONE] for none).
/// Defaults apply when the file omits them.
public record ContainerAppSpec(String name, int targetPort, int minReplicas, int maxReplicas,
                               double cpu, long memoryBytes, Map<String, String> env, Optional<Probe> readiness,
                               ContainerAppScale scale, ContainerAppGpu gpu) {
    public ContainerAppSpec {
        env = Map.copyOf(env);
        gpu = gpu == null ? ContainerAppGpu.NONE : gpu;
        if (scale.minReplicas() != minReplicas || scale.maxReplicas() != maxReplicas) {
            throw new IllegalArgumentException("scale bounds " + scale.minReplicas() + ".." + scale.maxReplicas()
                    + " differ from " + minReplicas + ".." + maxReplicas);
        }
    }

    /// A spec without a GPU.
    public ContainerAppSpec(String name, int targetPort, int minReplicas, int maxReplicas, double cpu, long memoryBytes,
                            Map<String, String> env, Optional<Probe> readiness, ContainerAppScale scale) {
        this(name, targetPort, minReplicas, maxReplicas, cpu, memoryBytes, env, readiness, scale, ContainerAppGpu.NONE);
    }

    /// A spec without scale rules, every scale timing at its default.
    public ContainerAppSpec(String name, int targetPort, int minReplicas, int maxReplicas, double cpu, long memoryBytes,
                            Map<String, String> env, Optional<Probe> readiness) {
        this(name, targetPort, minReplicas, maxReplicas, cpu, memoryBytes, env, readiness,
                ContainerAppScale.of(minReplicas, maxReplicas), ContainerAppGpu.NONE);
    }

    /// A readiness probe. `type` is "http" or "tcp"; `path` is used for http only.
    public record Probe(String type, String path, int port, int periodSeconds, int initialDelaySeconds,
                        int failureThreshold) {}
}
