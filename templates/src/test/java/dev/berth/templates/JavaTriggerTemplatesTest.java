package dev.berth.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/// The scaffolded timer, queue, blob and Event Grid Java apps, compiled with javac for Java 21 and run as
/// processes with only the modules of the offline base image.
class JavaTriggerTemplatesTest extends TriggerTemplateContract {
    @Override
    String language() { return "java"; }

    @Override
    HandlerProcess startHandler(Path project) throws Exception {
        return HandlerProcess.start(JavaApp.command(compile(project), "app.Main"), project, Map.of());
    }

    @Override
    HandlerProcess startProbeHandler(Path project) throws Exception {
        Files.writeString(project.resolve("src/main/java/app/ProbeMain.java"), """
                package app;

                import berth.functions.FunctionHost;

                import java.util.Map;

                public final class ProbeMain {
                    public static void main(String[] args) throws Exception {
                        FunctionHost.create()
                                .registerTrigger("echo", (msg, invocation) -> {
                                    var sys = (Map<?, ?>) invocation.metadata("sys");
                                    invocation.log("id " + invocation.metadata("Id") + ", method "
                                            + sys.get("MethodName") + ", extra " + invocation.input("extra"));
                                    return Map.of("got", msg);
                                })
                                .registerTrigger("stray", (msg, invocation) -> {
                                    invocation.output("nowhere", msg);
                                    return null;
                                })
                                .start();
                    }
                }
                """);
        return HandlerProcess.start(JavaApp.command(compile(project), "app.ProbeMain"), project, Map.of());
    }

    private Path compile(Path project) throws Exception {
        var classes = Files.createDirectories(dir.resolve(project.getFileName() + "-classes"));
        JavaApp.compile(project.resolve("src/main/java"), classes);
        return classes;
    }
}
