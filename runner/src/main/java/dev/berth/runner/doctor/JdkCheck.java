package dev.berth.runner.doctor;

import dev.berth.runner.gpu.CommandRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/// The Java side: the JVM Berth runs on, the JDK that Java projects are packaged with (needs javac and
/// jlink, version 25, as scripts/lib/jdk.sh looks for), and Maven for Java templates.
final class JdkCheck implements Check {
    static final int JAVA = 25;
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final String GET_JDK = "install a JDK 25 (Eclipse Temurin 25: https://adoptium.net, or "
            + "`sdk install java 25-tem`) and set JAVA_HOME to it";

    private final Runtime.Version running;
    private final Path buildJdk;
    private final Optional<Path> maven;
    private final CommandRunner commands;

    JdkCheck(Runtime.Version running, Path buildJdk, Optional<Path> maven, CommandRunner commands) {
        this.running = running;
        this.buildJdk = buildJdk;
        this.maven = maven;
        this.commands = commands;
    }

    @Override
    public List<Finding> run(EngineState engine) { return List.of(jvm(), buildJdk(), maven()); }

    private Finding jvm() {
        var found = "Java " + running + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
        if (running.feature() >= JAVA) return Finding.ok("JDK (Berth)", found);
        return Finding.fail("JDK (Berth)", found + ", older than the " + JAVA + " Berth needs", GET_JDK);
    }

    private Finding buildJdk() {
        var name = "JDK (Java builds)";
        var missing = List.of("bin/javac", "bin/jlink").stream()
                .filter(tool -> !Files.isExecutable(buildJdk.resolve(tool))).toList();
        if (!missing.isEmpty()) {
            return Finding.warn(name, buildJdk + " is not a full JDK (no " + String.join(", ", missing) + ")",
                    GET_JDK + "; only Java templates need it");
        }
        var version = releaseVersion(buildJdk);
        if (version.isEmpty() || !version.get().matches(JAVA + "(\\D.*)?")) {
            return Finding.warn(name, buildJdk + " is Java " + version.orElse("of unknown version") + ", not " + JAVA,
                    GET_JDK + "; only Java templates need it");
        }
        return Finding.ok(name, "Java " + version.get() + " at " + buildJdk);
    }

    private static Optional<String> releaseVersion(Path jdk) {
        try {
            var matcher = RELEASE_VERSION.matcher(Files.readString(jdk.resolve("release")));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Finding maven() {
        var fix = "install Maven (sudo apt-get install maven, brew install maven); only Java templates need it";
        if (maven.isEmpty()) return Finding.warn("Maven", "no mvn on the PATH", fix);
        try {
            var output = commands.run(List.of(maven.get().toString(), "-v"), Duration.ofSeconds(20));
            var first = output.text().lines().findFirst().orElse("").replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "").strip();
            if (output.ok()) return Finding.ok("Maven", first + " at " + maven.get());
            return Finding.warn("Maven", maven.get() + " -v exited with " + output.exitCode() + ": " + first, fix);
        } catch (IOException e) {
            return Finding.warn("Maven", maven.get() + " -v failed: " + e.getMessage(), fix);
        }
    }
}
