package dev.berth.app.ui.fakes;

import dev.berth.app.ProjectTemplates;
import dev.berth.templates.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// Two templates; scaffolding writes a minimal project (host.json and one function) so it can be opened.
public final class FakeTemplates implements ProjectTemplates {
    public static final Template PYTHON = new Template("http-python", "HTTP function (Python)",
            "Answers GET and POST on /api/hello with a greeting. Python 3 standard library only.", "python", "http", java.util.List.of());
    public static final Template JAVA = new Template("http-java", "HTTP function (Java)",
            "The same greeting in Java 25 on the JDK's own HTTP server; debuggable with JDWP.", "java", "http", java.util.List.of());

    public final List<String> scaffolded = new CopyOnWriteArrayList<>();
    public volatile String failure;

    @Override public List<Template> list() { return List.of(PYTHON, JAVA); }

    @Override public Path scaffold(Template template, Path targetDir, String appName) throws IOException {
        if (failure != null) throw new IOException(failure);
        Files.createDirectories(targetDir.resolve("hello"));
        Files.writeString(targetDir.resolve("host.json"), "{\n  \"version\": \"2.0\"\n}\n");
        Files.writeString(targetDir.resolve("hello/function.json"), "{\"bindings\": []}\n");
        Files.writeString(targetDir.resolve("containerapp.yaml"), "name: " + appName + "\n");
        scaffolded.add(template.id() + " " + appName);
        return targetDir;
    }
}
