package dev.berth.runner.build;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// What image builds rely on from this machine, for `berth doctor`: the local base image tags Berth builds
/// when the public ones cannot be pulled, the JDK Maven builds of Java projects run with, and `mvn`.
/// Stateless; safe from any thread.
public final class BuildTools {
    private BuildTools() {}

    /// The local substitute base images (Python first: the Java one is built on it).
    public static List<String> localBaseImages() {
        return Arrays.stream(BaseKind.values()).map(kind -> kind.tag).toList();
    }

    /// The JDK home Java projects are packaged with (and the Java base image is jlink'ed from).
    public static Path javaHome() { return HostBuild.javaHome(); }

    /// `mvn` on the PATH, as the host build finds it.
    public static Optional<Path> maven() { return HostCommand.onPath("mvn"); }
}
