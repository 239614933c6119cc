package dev.berth.templates;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Builds and runs a scaffolded Java app as its image does, without Maven: javac for release 21 with only
/// the modules of the offline base image, then `java -cp` with the image's fast-start flags. Stateless.
final class JavaApp {
    private JavaApp() {}

    /// Compiles every source under `sourceRoot` into `out` (which is also on the class path).
    static void compile(Path sourceRoot, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror",
                "--limit-modules", "java.base,jdk.httpserver,java.logging",
                "-d", out.toString(), "-cp", out.toString()));
        try (var sources = Files.walk(sourceRoot)) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        var errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        assertThat(rc).as("javac output:%n%s", errors).isZero();
    }

    /// The command that runs `mainClass` from `classes` with only the modules of the offline base image.
    static List<String> command(Path classes, String mainClass) {
        var javaHome = Path.of(System.getProperty("java.home"));
        return List.of(javaHome.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--limit-modules", "java.base,jdk.httpserver,java.logging,jdk.jdwp.agent,jdk.crypto.ec",
                "-cp", classes.toString(), mainClass);
    }
}
