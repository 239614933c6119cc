package dev.berth.runner.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/// Reads and validates a function project folder: host.json, every `<function>/function.json`,
/// local.settings.json, containerapp.yaml and the Dockerfile. Every file is checked even after another
/// failed, so that one run shows every problem. Problem paths are relative to the project folder.
/// Stateless and thread-safe: each [#load] uses its own parser and problem list.
public final class ProjectLoader {
    /// Folders that never hold functions: Berth's state, version control, build output, npm packages.
    static final Set<String> SKIPPED_FOLDERS = Set.of(".berth", ".git", "target", "node_modules");
    static final Path DOCKERFILE = Path.of("Dockerfile");

    /// The validated app; WARNING problems are in [FunctionApp#warnings].
    /// @throws ProjectException with every ERROR problem, when something stops a run
    public FunctionApp load(Path dir) throws ProjectException {
        var problems = new Problems();
        if (!Files.isDirectory(dir)) {
            problems.error(dir, 0, "", "the project folder does not exist or is not a folder.",
                    "open the folder that contains host.json.");
            throw new ProjectException(problems.errors());
        }
        var parser = new SourceParser();
        var host = new HostReader(parser).read(dir, problems);
        var prefix = host.map(HostConfig::routePrefix).orElse("api");
        var functions = functions(dir, prefix, new FunctionReader(parser), problems);
        var settings = new SettingsReader(parser).read(dir, problems);
        StorageBindingChecks.check(functions, settings, problems);
        var containerApp = new ContainerAppReader(parser).read(dir, settings, problems);
        ContainerAppScaleReader.checkWakeable(containerApp.scale(), functions.stream()
                .anyMatch(f -> f.httpTrigger().isPresent()), problems);
        checkDockerfile(dir, problems);
        if (problems.hasErrors() || host.isEmpty()) throw new ProjectException(problems.errors());
        return new FunctionApp(dir, host.get(), functions, settings, containerApp, problems.warnings());
    }

    /// The problems of `text` as the function.json of the function folder `folder`, e.g. while it is being
    /// edited: every check of one file (bindings, trigger, schedule, route with the default prefix "api"),
    /// none across files. Lines are 1-based, 0 when unknown; the file is `folder/function.json`.
    public static List<ProjectProblem> checkFunctionJson(String folder, String text) {
        var problems = new Problems();
        new FunctionReader(new SourceParser()).check(folder, text, "api", problems);
        return problems.all();
    }

    /// The problems of `text` as the project's host.json (version, functionTimeout, extensions …).
    public static List<ProjectProblem> checkHostJson(String text) {
        var problems = new Problems();
        new HostReader(new SourceParser()).check(text, problems);
        return problems.all();
    }

    private static List<FunctionDef> functions(Path dir, String prefix, FunctionReader reader, Problems problems) {
        var loaded = new ArrayList<FunctionReader.Loaded>();
        var folders = functionFolders(dir, problems);
        for (var folder : folders) reader.read(dir, folder, prefix, problems).ifPresent(loaded::add);
        var functions = loaded.stream().map(FunctionReader.Loaded::function).toList();
        if (folders.isEmpty()) {
            problems.warning(Path.of("."), 0, "", "the project has no functions (no folder with a function.json).",
                    "add a folder with a function.json, e.g. with `berth new`.");
        }
        checkDuplicateNames(functions, problems);
        DuplicateRoutes.check(loaded, problems);
        return functions;
    }

    /// Direct subfolders holding a function.json, sorted by name so that messages come in a stable order.
    private static List<String> functionFolders(Path dir, Problems problems) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !SKIPPED_FOLDERS.contains(name))
                    .filter(name -> Files.isRegularFile(dir.resolve(name).resolve("function.json")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.error(Path.of("."), 0, "", "cannot list the project folder: " + e.getMessage() + ".",
                    "check that you may read the folder.");
            return List.of();
        }
    }

    /// Function names are matched ignoring case (URLs, `POST /<name>` to the handler), as in Azure.
    private static void checkDuplicateNames(List<FunctionDef> functions, Problems problems) {
        Map<String, FunctionDef> seen = new HashMap<>();
        for (var function : functions) {
            var previous = seen.putIfAbsent(function.name().toLowerCase(Locale.ROOT), function);
            if (previous != null) {
                problems.error(Path.of(function.name(), "function.json"), 0, "", "the function names \""
                        + previous.name() + "\" and \"" + function.name() + "\" differ only in case.",
                        "rename one of the two folders.");
            }
        }
    }

    private static void checkDockerfile(Path dir, Problems problems) {
        if (Files.isRegularFile(dir.resolve(DOCKERFILE))) return;
        var lowerCase = Optional.of(dir.resolve("dockerfile")).filter(Files::isRegularFile);
        problems.error(DOCKERFILE, 0, "", "the project has no Dockerfile; Berth builds the replicas' image from it.",
                lowerCase.isPresent() ? "rename \"dockerfile\" to \"Dockerfile\"."
                        : "add a Dockerfile; templates ship one (berth new …).");
    }
}
