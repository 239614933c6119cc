package dev.berth.runner.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/// Reads GPU support from what an engine registers. Docker (19.03+) hands out GPUs through an `nvidia`
/// runtime, or through its built-in NVIDIA device driver, which it registers when
/// `nvidia-container-runtime-hook` is on the daemon's PATH; the engine's info does not show that driver,
/// so for a local engine the hook on this process's PATH stands in for it. Stateless.
final class Gpu {
    static final String HOOK = "nvidia-container-runtime-hook";

    private Gpu() {}

    static boolean available(Collection<String> runtimes, boolean hookFound) {
        return hookFound || runtimes.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("nvidia"));
    }

    static String detail(Collection<String> runtimes, boolean hookFound) {
        if (runtimes.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("nvidia"))) {
            return "The NVIDIA runtime is registered with Docker, so replicas can request a GPU.";
        }
        if (hookFound) {
            return HOOK + " is installed, so Docker's NVIDIA device driver can hand replicas a GPU.";
        }
        return "No NVIDIA runtime is registered with Docker (runtimes: " + String.join(", ", runtimes.stream().sorted().toList())
                + ") and " + HOOK + " is not on PATH, so replicas run on CPU; install the NVIDIA Container Toolkit "
                + "and restart Docker to pass a GPU.";
    }

    /// Whether the NVIDIA hook is an executable in one of `path`'s folders (a PATH value).
    static boolean hookOnPath(String path) {
        if (path == null || path.isBlank()) return false;
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, HOOK)).anyMatch(Files::isExecutable);
    }
}
