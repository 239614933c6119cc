package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/// The project as an export reads it: the validated app (settings, functions, name) from [ProjectLoader],
/// and containerapp.yaml and jobs/*.yaml as plain YAML trees, so that every field Azure knows is seen,
/// including those the runner does not use. Immutable.
record ProjectDocs(FunctionApp app, Doc containerApp, List<Doc> jobs) {
    static final Path CONTAINER_APP = Path.of("containerapp.yaml");
    static final Path JOBS = Path.of("jobs");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /// One YAML file: its path relative to the project folder and its tree (an empty mapping when absent).
    record Doc(Path file, JsonNode root) {}

    ProjectDocs { jobs = List.copyOf(jobs); }

    /// @throws ProjectException when the project does not load or a file is no YAML mapping
    static ProjectDocs read(Path dir, Notes notes) throws ProjectException {
        var app = new ProjectLoader().load(dir);
        notes.addAll(app.warnings());
        var containerApp = Files.exists(dir.resolve(CONTAINER_APP)) ? doc(dir, CONTAINER_APP, notes)
                : new Doc(CONTAINER_APP, JsonNodeFactory.instance.objectNode());
        var jobs = new ArrayList<Doc>();
        for (var file : jobFiles(dir, notes)) jobs.add(doc(dir, file, notes));
        notes.throwIfErrors();
        return new ProjectDocs(app, containerApp, jobs);
    }

    private static List<Path> jobFiles(Path dir, Notes notes) {
        if (!Files.isDirectory(dir.resolve(JOBS))) return List.of();
        try (Stream<Path> files = Files.list(dir.resolve(JOBS))) {
            return files.map(f -> JOBS.resolve(f.getFileName().toString()))
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            notes.error(JOBS, "", "cannot list the jobs folder: " + e.getMessage() + ".", "check that you may read it.");
            return List.of();
        }
    }

    private static Doc doc(Path dir, Path file, Notes notes) {
        try {
            var root = YAML.readTree(dir.resolve(file).toFile());
            if (root != null && root.isObject()) return new Doc(file, root);
            notes.error(file, "", "the file is not a YAML mapping of keys.", "start it with `name:` and `properties:`.");
        } catch (IOException e) {
            notes.error(file, "", "the file is not valid YAML: " + e.getMessage().lines().findFirst().orElse("") + ".",
                    "fix the YAML syntax (indent with spaces, `key: value`).");
        }
        return new Doc(file, JsonNodeFactory.instance.objectNode());
    }
}
