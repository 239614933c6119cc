package dev.berth.runner.gpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/// Host-side GPU detection: the NVIDIA GPUs `nvidia-smi` lists, and CDI specs that let a recent Docker
/// engine hand them to containers without the NVIDIA runtime. (Whether the engine registers the NVIDIA
/// runtime comes from the engine itself: `EngineInfo.gpuAvailable`.) Thread-safe; calls block for up to
/// `TIMEOUT`, so make them off the FX thread.
public final class GpuProbe {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /// Where the NVIDIA Container Toolkit writes CDI specs (`nvidia-ctk cdi generate`).
    public static final List<Path> CDI_DIRS = List.of(Path.of("/etc/cdi"), Path.of("/var/run/cdi"));
    static final List<String> QUERY = List.of("nvidia-smi", "--query-gpu=name,memory.total,driver_version",
            "--format=csv,noheader,nounits");
    private static final String CDI_KIND = "nvidia.com/gpu";

    private final CommandRunner commands;
    private final List<Path> cdiDirs;

    public GpuProbe(CommandRunner commands, List<Path> cdiDirs) {
        this.commands = commands;
        this.cdiDirs = List.copyOf(cdiDirs);
    }

    public static GpuProbe system() { return new GpuProbe(CommandRunner.system(), CDI_DIRS); }

    /// The host's NVIDIA GPUs; `HostGpus.none()` when `nvidia-smi` is not installed.
    public HostGpus gpus() {
        CommandRunner.Output output;
        try {
            output = commands.run(QUERY, TIMEOUT);
        } catch (IOException e) {
            // ProcessBuilder says "Cannot run program" when it is not installed; anything else is a real problem.
            var notInstalled = String.valueOf(e.getMessage()).contains("Cannot run program");
            return notInstalled ? HostGpus.none() : new HostGpus(List.of(), true, String.valueOf(e.getMessage()));
        }
        if (!output.ok()) {
            return new HostGpus(List.of(), true, "nvidia-smi exited with " + output.exitCode() + ": "
                    + output.text().strip());
        }
        return parse(output.text());
    }

    /// Parses `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits`.
    static HostGpus parse(String csv) {
        var gpus = new ArrayList<HostGpu>();
        for (var line : csv.strip().split("\\R")) {
            if (line.isBlank()) continue;
            var cells = line.split(",");
            if (cells.length < 3) {
                return new HostGpus(gpus, true, "nvidia-smi printed a line Berth cannot read: " + line.strip());
            }
            try {
                gpus.add(new HostGpu(cells[0].strip(), Long.parseLong(cells[1].strip()), cells[2].strip()));
            } catch (NumberFormatException e) {
                return new HostGpus(gpus, true, "nvidia-smi printed a memory size Berth cannot read: " + line.strip());
            }
        }
        return new HostGpus(gpus, true, "");
    }

    /// The first CDI spec file that declares NVIDIA GPUs (kind `nvidia.com/gpu`), if any.
    public Optional<Path> nvidiaCdiSpec() {
        for (var dir : cdiDirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                var found = files.filter(GpuProbe::isSpecFile).sorted().filter(GpuProbe::declaresNvidia).findFirst();
                if (found.isPresent()) return found;
            } catch (IOException e) {
                // An unreadable CDI folder declares nothing we can use.
            }
        }
        return Optional.empty();
    }

    private static boolean isSpecFile(Path file) {
        var name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static boolean declaresNvidia(Path file) {
        try {
            return Files.readString(file).contains(CDI_KIND);
        } catch (IOException e) {
            return false;
        }
    }
}
