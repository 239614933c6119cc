package dev.berth.runner.container;

import java.util.List;
import java.util.Map;

/// How to run one container. Every container gets the Berth labels (`berth.managed`, `berth.project`,
/// `berth.revision`, `berth.session`) from `labels`; ports in `ports` are published on 127.0.0.1 at a
/// free host port. `nanoCpus` 0 and `memoryBytes` 0 mean no limit. `command` empty keeps the image's.
/// `gpu` becomes a Docker device request (capabilities [["gpu"]]); [GpuRequest#NONE] for none.
public record ContainerSpec(String image, String name, Map<String, String> labels, Map<String, String> env,
                            List<Integer> ports, long nanoCpus, long memoryBytes, List<String> command,
                            GpuRequest gpu) {
    public ContainerSpec {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        gpu = gpu == null ? GpuRequest.NONE : gpu;
    }

    /// A spec without a GPU (the common case, and the shape callers used before GPUs).
    public ContainerSpec(String image, String name, Map<String, String> labels, Map<String, String> env,
                         List<Integer> ports, long nanoCpus, long memoryBytes, List<String> command) {
        this(image, name, labels, env, ports, nanoCpus, memoryBytes, command, GpuRequest.NONE);
    }
}
