package dev.berth.templates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
class JavaTemplateTest {
    @TempDir static Path dir;
    private static Path project;
    private static Path classes;
    private static HandlerProcess handler;

    @BeforeAll
    static void start() throws Exception {
        project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-java").orElseThrow(),
                dir.resolve("app"), "java-app");
        classes = Files.createDirectories(dir.resolve("classes"));
        compile(project.resolve("src/main/java"), classes);
        handler = HandlerProcess.start(java("app.Main"), project, Map.of("GREETING", "Howdy"));
    }

    @AfterAll
    static void stop() throws Exception {
        handler.close();
    }

    @Test
    void healthz_answers200() throws Exception {
        assertThat(handler.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void invoke_nameFromRoute_greetsWithTheGreetingSettingAndReturnsLogs() throws Exception {
        var answer = handler.invoke("hello", 200, "GET", Map.of("name", "Ada"), Map.of());

        assertThat(answer.at("/Outputs/res/statusCode").asInt()).isEqualTo(200);
        assertThat(answer.at("/Outputs/res/body").asText()).isEqualTo("Howdy, Ada!");
        assertThat(answer.at("/Outputs/res/headers/Content-Type").asText()).startsWith("text/plain");
        assertThat(answer.path("Logs")).extracting(n -> n.asText()).containsExactly("greeting Ada");
        assertThat(answer.path("ReturnValue").isNull()).isTrue();
    }

    @Test
    void invoke_nameFromQuery_isUsedWhenTheRouteHasNone() throws Exception {
        var answer = handler.invoke("hello", 200, "POST", Map.of(), Map.of("name", "Grace"));

        assertThat(answer.at("/Outputs/res/body").asText()).isEqualTo("Howdy, Grace!");
    }

    @Test
    void invoke_malformedJson_answers400NamingTheOffset() throws Exception {
        var response = handler.post("/hello", "{\"Data\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HandlerProcess.JSON.readTree(response.body()).at("/Logs/0").asText())
                .startsWith("invocation payload is not valid JSON: invalid JSON at offset 9");
    }

    @Test
    void invoke_payloadWithoutData_answers400() throws Exception {
        var response = handler.post("/hello", "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be a JSON object with a \\\"Data\\\" object");
    }

    @Test
    void invoke_unknownFunction_answers404ListingTheKnownOnes() throws Exception {
        var response = handler.post("/goodbye", "{\"Data\": {}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no function 'goodbye'").contains("[hello]");
    }

    @Test
    void directRequest_underRoutePrefix_isServedByRoute() throws Exception {
        var response = handler.get("/api/hello/Linus%20T");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Howdy, Linus T!");
        assertThat(handler.awaitOutput("GET /api/hello/Linus%20T 200")).contains("greeting Linus");
    }

    @Test
    void invoke_functionThatThrows_answers500WithTheErrorInLogs() throws Exception {
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
        try (var boom = HandlerProcess.start(java("app.BoomMain"), project, Map.of())) {
            var answer = boom.invoke("boom", 500, "GET", Map.of(), Map.of());

            assertThat(answer.at("/Outputs/res/statusCode").asInt()).isEqualTo(500);
            assertThat(answer.path("Logs")).extracting(n -> n.asText())
                    .contains("about to fail", "Function 'boom' failed: java.lang.IllegalStateException: kaboom");
            assertThat(boom.invoke("hello", 200, "GET", Map.of("name", "still"), Map.of())
                    .at("/Outputs/res/body").asText()).isEqualTo("Hello, still!");
        }
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
    private static List<String> java(String mainClass) {
        var javaHome = Path.of(System.getProperty("java.home"));
        return List.of(javaHome.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--limit-modules", "java.base,jdk.httpserver,java.logging,jdk.jdwp.agent,jdk.crypto.ec",
                "-cp", classes.toString(), mainClass);
    }
}
