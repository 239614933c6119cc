package dev.berth.runner.project;

import java.util.Map;
import java.util.Optional;

/// What the runner needs from containerapp.yaml: ingress target port, the first container's
/// resources and env, its readiness probe, and the replica bounds. Defaults apply when the file omits them.
public record ContainerAppSpec(String name, int targetPort, int minReplicas, int maxReplicas,
                               double cpu, long memoryBytes, Map<String, String> env, Optional<Probe> readiness) {
    public ContainerAppSpec { env = Map.copyOf(env); }

    /// A readiness probe. `type` is "http" or "tcp"; `path` is used for http only.
    public record Probe(String type, String path, int port, int periodSeconds, int initialDelaySeconds,
                        int failureThreshold) {}
}
