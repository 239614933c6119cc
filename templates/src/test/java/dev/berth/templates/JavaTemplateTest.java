package dev.berth.templates;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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
        JavaApp.compile(project.resolve("src/main/java"), classes);
        return HandlerProcess.start(JavaApp.command(classes, "app.Main"), project, Map.of("GREETING", "Howdy"));
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
        JavaApp.compile(extra.getParent(), classes);
        return HandlerProcess.start(JavaApp.command(classes, "app.BoomMain"), project, Map.of());
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
}
