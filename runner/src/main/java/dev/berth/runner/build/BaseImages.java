package dev.berth.runner.build;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.ImageImportRequest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/// Chooses the base image for a build offline-first: the public image when it is here or can be pulled,
/// else a local substitute built once from this machine's own packages (debootstrap + docker import
/// for Python, plus a jlink'ed runtime of the host JDK for Java). Thread-safe; base builds are
/// serialised across threads and processes, so two runs at once never debootstrap twice.
final class BaseImages {
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(8);
    static final List<String> JAVA_MODULES = List.of("java.base", "jdk.httpserver", "jdk.jdwp.agent", "java.logging",
            "jdk.crypto.ec", "jdk.unsupported");
    private static final String ROOTFS_PREFIX = "berth-rootfs-";
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    // LocalRunner makes a builder per build, so the in-process half of the lock cannot live in an
    // instance; the file lock covers other Berth processes (FileChannel locks are per JVM, not per thread).
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final ContainerEngine engine;
    private final Path lockFile;

    BaseImages(ContainerEngine engine, Path lockFile) {
        this.engine = engine;
        this.lockFile = lockFile;
    }

    static Path defaultLockFile() { return Path.of(System.getProperty("java.io.tmpdir"), "berth-base-images.lock"); }

    /// The image to pass as BASE_IMAGE for a Dockerfile whose default is `wanted`.
    String resolve(String wanted, Path dockerfile, Consumer<String> progress) throws ImageBuildException {
        if (engine.imageExists(wanted)) return wanted;
        // The public image is preferred when a registry answers; the engine remembers a registry that
        // did not, so offline this costs one quick attempt per session, not one per build.
        progress.accept("base image: trying to pull " + wanted);
        if (engine.tryPull(wanted, PULL_TIMEOUT)) return wanted;
        var kind = BaseKind.of(wanted);
        if (kind.isEmpty()) {
            throw new ImageBuildException("Base image " + wanted + " (ARG " + DockerfileArgs.BASE_IMAGE + " in "
                    + dockerfile + ") is not on this machine and no registry answers. Berth can substitute only "
                    + "Python and Java bases: change the ARG to a python or JRE image, or load the image (docker load).");
        }
        progress.accept("base image: " + wanted + " cannot be pulled; using the local substitute " + kind.get().tag);
        return ensure(kind.get(), progress);
    }

    /// Builds the substitute for `kind` unless it exists; returns its tag.
    String ensure(BaseKind kind, Consumer<String> progress) throws ImageBuildException {
        IN_PROCESS.lock();
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var fileLock = channel.lock();
            try {
                return ensureLocked(kind, progress);
            } finally {
                fileLock.release();
            }
        } catch (IOException e) {
            throw new ImageBuildException("Could not lock " + lockFile + " to build " + kind.tag + ": " + e.getMessage(), e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /// Checked again under the lock: the run we waited for may have just built it.
    private String ensureLocked(BaseKind kind, Consumer<String> progress) throws ImageBuildException {
        if (engine.imageExists(kind.tag)) return kind.tag;
        switch (kind) {
            case PYTHON -> buildPython(progress);
            case JAVA -> {
                ensureLocked(BaseKind.PYTHON, progress);
                buildJava(progress);
            }
        }
        return kind.tag;
    }

    private void buildPython(Consumer<String> progress) throws ImageBuildException {
        progress.accept("base image: debootstrap bookworm with python3 (about a minute, once)");
        removeLeftovers();
        var work = tempDir(ROOTFS_PREFIX);
        try {
            var rootfs = work.resolve("rootfs");
            new Debootstrap(progress).run(rootfs);
            var tar = work.resolve("rootfs.tar");
            progress.accept("base image: packing the root filesystem");
            var packed = run(List.of("tar", "--numeric-owner", "-C", rootfs.toString(), "-cf", tar.toString(), "."),
                    work, Duration.ofMinutes(5), progress);
            if (!packed.ok()) {
                throw new ImageBuildException("Packing " + rootfs + " with tar failed (exit " + packed.exitCode()
                        + "):\n  " + String.join("\n  ", packed.lastLines()));
            }
            progress.accept("base image: importing as " + BaseKind.PYTHON.tag);
            engine.importRootfs(new ImageImportRequest(tar, BaseKind.PYTHON.tag, Map.of("berth.base", "python"),
                    List.of("ENV PATH=" + PATH, "ENV LANG=C.UTF-8", "ENV PYTHONUNBUFFERED=1", "CMD [\"python3\"]")));
        } finally {
            TempFiles.deleteQuietly(work);
        }
    }

    private void buildJava(Consumer<String> progress) throws ImageBuildException {
        var jlink = HostBuild.javaHome().resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new ImageBuildException("Building " + BaseKind.JAVA.tag + " needs jlink from a full JDK, but "
                    + jlink + " does not exist: run Berth on a JDK 25 or set JAVA_HOME to one.");
        }
        progress.accept("base image: jlink a Java runtime (" + String.join(",", JAVA_MODULES) + ")");
        var context = tempDir("berth-java-base-");
        try {
            var result = run(List.of(jlink.toString(), "--add-modules", String.join(",", JAVA_MODULES),
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--output", context.resolve("java").toString()),
                    context, Duration.ofMinutes(5), progress);
            if (!result.ok()) {
                throw new ImageBuildException("jlink (" + jlink + ") failed with exit " + result.exitCode() + ":\n  "
                        + String.join("\n  ", result.lastLines()));
            }
            var dockerfile = context.resolve("Dockerfile");
            Files.writeString(dockerfile, javaDockerfile());
            engine.build(new ImageBuildRequest(context, dockerfile, BaseKind.JAVA.tag, Map.of(),
                    Map.of("berth.base", "java")), progress);
        } catch (IOException e) {
            throw new ImageBuildException("Preparing the build context of " + BaseKind.JAVA.tag + " in " + context
                    + " failed: " + e.getMessage(), e);
        } finally {
            TempFiles.deleteQuietly(context);
        }
    }

    /// A Berth killed mid-debootstrap leaves a ~200 MB tree in the temp dir. Safe to remove here: the
    /// caller holds the machine-wide lock, so no other build is using one.
    private static void removeLeftovers() {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            entries.filter(p -> p.getFileName().toString().startsWith(ROOTFS_PREFIX)).forEach(TempFiles::deleteQuietly);
        } catch (IOException e) {
            // Only disk space is at stake.
        }
    }

    static String javaDockerfile() {
        return "FROM " + BaseKind.PYTHON.tag + "\n"
                + "COPY java /opt/java\n"
                + "ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:" + PATH + "\n"
                + "CMD [\"java\", \"-version\"]\n";
    }

    private static HostCommand.Result run(List<String> command, Path dir, Duration timeout, Consumer<String> progress)
            throws ImageBuildException {
        try {
            return HostCommand.run(command, dir, Map.of(), timeout, progress);
        } catch (IOException e) {
            throw new ImageBuildException("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    private static Path tempDir(String prefix) throws ImageBuildException {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new ImageBuildException("Cannot create a temporary directory (" + prefix + "…) in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }
}
