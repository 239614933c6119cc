package dev.berth.templates;

import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The scaffolded http-java app, compiled with the JDK's javac for Java 21 and run as a process.
class JavaTemplateTest extends HandlerTemplateContract {
    private Path classes;

    @Override
    HandlerProcess startHandler() throws Exception {
        project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-java").orElseThrow(),
                dir.resolve("app"), "java-app");
        classes = Files.createDirectories(dir.resolve("classes"));
        compile(project.resolve("src/main/java"), classes);
        return HandlerProcess.start(java("app.Main"), project, Map.of("GREETING", "Howdy"));
    }

    @Override
    HandlerProcess startFailingHandler() throws Exception {
        var extra = Files.createDirectories(dir.resolve("boom-src/app"));
        Files.writeString(extra.resolve("BoomMain.java"), """
                package app;

                import berth.functions.FunctionHost;
                import berth.functions.Response;

                public final class BoomMain {
                    public static void main(String[] args) throws Exception {
                        FunctionHost.create()
                                .register("hello", new Hello())
                                .register("boom", (request, log) -> {
                                    log.info("about to fail");
                                    throw new IllegalStateException("kaboom");
                                })
                                .start();
                    }
                }
                """);
        compile(extra.getParent(), classes);
        return HandlerProcess.start(java("app.BoomMain"), project, Map.of());
    }

    @Override
    String failureLog() { return "Function 'boom' failed: java.lang.IllegalStateException: kaboom"; }

    /// The Java handler's own JSON reader also names where the payload broke.
    @Override
    String malformedJsonLog() { return "invocation payload is not valid JSON: invalid JSON at offset 9"; }

    @Override
    String knownFunctionsListing() { return "[hello]"; }

    /// With a space, so the route value is URL-decoded before it reaches the function.
    @Override
    String routeName() { return "Linus T"; }

    @Test
    void invoke_payloadWithoutData_answers400() throws Exception {
        var response = handler.post("/hello", "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be a JSON object with a \\\"Data\\\" object");
    }

    /// Compiles for release 21 with only the modules the offline base image has.
    private static void compile(Path sourceRoot, Path out) throws IOException {
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

    /// The handler as the image runs it: only the modules of the offline base image, fast-start flags.
    private List<String> java(String mainClass) {
        var javaHome = Path.of(System.getProperty("java.home"));
        return List.of(javaHome.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--limit-modules", "java.base,jdk.httpserver,java.logging,jdk.jdwp.agent,jdk.crypto.ec",
                "-cp", classes.toString(), mainClass);
    }
}
