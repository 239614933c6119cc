package dev.berth.runner.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/// Free disk space where images are built and stored (Docker's data root) and where the project lives
/// (its Maven target, the run store in .berth). A base image build alone writes about 1 GB.
final class DiskCheck implements Check {
    static final long WARN_BELOW = 5L << 30;
    static final long FAIL_BELOW = 1L << 30;

    private final HostProbe host;
    private final Path projectDir;

    DiskCheck(HostProbe host, Path projectDir) {
        this.host = host;
        this.projectDir = projectDir;
    }

    @Override
    public List<Finding> run(EngineState engine) {
        return List.of(dockerDisk(engine), space("Disk (project)", projectDir,
                "free space on that disk (old Maven target folders, .berth/ stores of projects you no longer run)"));
    }

    private Finding dockerDisk(EngineState engine) {
        var name = "Disk (Docker)";
        if (!(engine instanceof EngineState.Reachable(_, var root))) return Check.skipped(name);
        if (root.isEmpty()) return Finding.info(name, "Docker does not say where it keeps its data", "");
        var path = Path.of(root.get());
        if (!Files.exists(path)) {
            return Finding.info(name, "data root " + path + " is not on this machine (Docker runs in a VM or remotely)",
                    "check the free space in Docker Desktop's settings (Resources → Disk image size)");
        }
        return space(name, path, "docker system prune (removes stopped containers and unused images)");
    }

    private Finding space(String name, Path path, String fix) {
        var free = host.usableBytes(path);
        if (free.isEmpty()) return Finding.info(name, "cannot measure the free space of " + path, "");
        long bytes = free.getAsLong();
        var found = gib(bytes) + " free at " + path;
        if (bytes < FAIL_BELOW) return Finding.fail(name, found + ": image builds will fail", fix);
        if (bytes < WARN_BELOW) return Finding.warn(name, found + ": builds need a few GB", fix);
        return Finding.ok(name, found);
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
