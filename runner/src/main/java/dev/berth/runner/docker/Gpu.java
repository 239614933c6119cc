package dev.berth.runner.docker;

import java.util.Collection;

/// Reads GPU support from the runtimes an engine registers. Stateless.
final class Gpu {
    private Gpu() {}

    static boolean available(Collection<String> runtimes) {
        return runtimes.stream().anyMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("nvidia"));
    }

    static String detail(Collection<String> runtimes) {
        if (available(runtimes)) {
            return "The NVIDIA runtime is registered with Docker, so replicas can request a GPU.";
        }
        return "No NVIDIA runtime is registered with Docker (runtimes: " + String.join(", ", runtimes.stream().sorted().toList())
                + "), so replicas run on CPU; install the NVIDIA Container Toolkit and restart Docker to pass a GPU.";
    }
}
