package dev.berth.runner.build;

import dev.berth.runner.container.ImageBuildException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/// Makes a minimal Debian bookworm root filesystem with python3 using the host's debootstrap.
/// `python3-minimal` alone lacks json, hence the full python3. Thread-safe (one process per call).
final class Debootstrap {
    static final String SUITE = "bookworm";
    private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Consumer<String> progress;

    Debootstrap(Consumer<String> progress) { this.progress = progress; }

    void run(Path rootfs) throws ImageBuildException {
        var debootstrap = find().orElseThrow(() -> new ImageBuildException(
                "The base image " + BaseKind.PYTHON.tag + " is missing, no registry answers, and debootstrap is not "
                        + "installed to build it: install it (sudo apt-get install debootstrap), or make the base "
                        + "image available (docker load) or a registry reachable."));
        var command = new ArrayList<String>();
        if (!"root".equals(System.getProperty("user.name"))) {
            // debootstrap must create device nodes and chown files; sudo -n fails fast instead of prompting.
            command.addAll(List.of("sudo", "-n"));
        }
        command.addAll(List.of(debootstrap.toString(), "--variant=minbase", "--include=python3", SUITE,
                rootfs.toString(), mirror()));
        HostCommand.Result result;
        try {
            result = HostCommand.run(command, rootfs.getParent(), Map.of("DEBIAN_FRONTEND", "noninteractive"),
                    TIMEOUT, line -> progress.accept("debootstrap: " + line));
        } catch (IOException e) {
            throw new ImageBuildException("Could not run debootstrap: " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new ImageBuildException("debootstrap of " + SUITE + " into " + rootfs + " failed (exit "
                    + result.exitCode() + "). It needs root and the Debian mirror " + mirror() + "; run Berth once as "
                    + "root (or with passwordless sudo), or set BERTH_DEBIAN_MIRROR to a reachable mirror.\n"
                    + "Last lines:\n  " + String.join("\n  ", result.lastLines()));
        }
        trimCaches(rootfs);
    }

    static Optional<Path> find() {
        return HostCommand.onPath("debootstrap").or(() -> Optional.of(Path.of("/usr/sbin/debootstrap"))
                .filter(Files::isExecutable));
    }

    /// BERTH_DEBIAN_MIRROR, else the Debian mirror the host's apt uses, else deb.debian.org.
    static String mirror() {
        var env = System.getenv("BERTH_DEBIAN_MIRROR");
        if (env != null && !env.isBlank()) return env.strip();
        return hostMirror(Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list"))
                .orElse(DEFAULT_MIRROR);
    }

    static Optional<String> hostMirror(Path deb822, Path classic) {
        try {
            if (Files.isRegularFile(deb822)) {
                for (var line : Files.readAllLines(deb822)) {
                    var l = line.strip();
                    if (l.startsWith("URIs:") && !l.contains("security")) return Optional.of(l.substring(5).strip().split("\\s+")[0]);
                }
            }
            if (Files.isRegularFile(classic)) {
                for (var line : Files.readAllLines(classic)) {
                    var parts = line.strip().split("\\s+");
                    if (parts.length >= 3 && parts[0].equals("deb") && !parts[1].contains("security")
                            && parts[1].startsWith("http")) return Optional.of(parts[1]);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /// Package caches and lists are not needed at run time and double the image size.
    private static void trimCaches(Path rootfs) {
        for (var dir : List.of("var/cache/apt/archives", "var/lib/apt/lists", "var/cache/apt")) {
            var path = rootfs.resolve(dir);
            if (!Files.isDirectory(path)) continue;
            try (var files = Files.list(path)) {
                files.filter(Files::isRegularFile).forEach(TempFiles::deleteQuietly);
            } catch (IOException e) {
                // Only a size saving; the image works with the caches in it.
            }
        }
    }
}
