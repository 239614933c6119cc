package dev.berth.runner.build;

import dev.berth.runner.container.ImageBuildException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// Builds the project's artifact on the host before the image build (Java projects: Maven), so the
/// Dockerfile only copies a jar and the image needs neither Maven nor a registry. Thread-safe.
final class HostBuild {
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(15);

    private HostBuild() {}

    static boolean needed(Path projectDir) { return Files.isRegularFile(projectDir.resolve("pom.xml")); }

    /// Runs `mvn -B -q -ntp package -DskipTests` in `projectDir` with the running JDK as JAVA_HOME.
    static void maven(Path projectDir, Consumer<String> progress) throws ImageBuildException {
        var mvn = HostCommand.onPath("mvn").orElseThrow(() -> new ImageBuildException(projectDir.resolve("pom.xml")
                + " is a Maven project but no `mvn` is on PATH: install Maven (sudo apt-get install maven) "
                + "so Berth can package it before building the image."));
        progress.accept("host build: mvn -B -q -ntp package -DskipTests (in " + projectDir + ")");
        HostCommand.Result result;
        try {
            result = HostCommand.run(List.of(mvn.toString(), "-B", "-q", "-ntp", "package", "-DskipTests"),
                    projectDir, Map.of("JAVA_HOME", javaHome().toString()), MAVEN_TIMEOUT, progress);
        } catch (IOException e) {
            throw new ImageBuildException("Could not run " + mvn + " in " + projectDir + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new ImageBuildException(failure(projectDir, result));
        }
    }

    static String failure(Path projectDir, HostCommand.Result result) {
        return "Maven failed (exit " + result.exitCode() + ") packaging " + projectDir.resolve("pom.xml")
                + ": fix the compile or packaging error shown below, then run again.\nLast lines of the Maven output:\n  "
                + String.join("\n  ", result.lastLines());
    }

    /// The running JVM's home when it is a full JDK (has javac), else $JAVA_HOME: Maven needs a compiler.
    static Path javaHome() {
        var running = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(running.resolve("bin/javac"))) return running;
        var env = System.getenv("JAVA_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : running;
    }
}
