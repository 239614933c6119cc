package dev.berth.runner.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A loaded, validated function project (the folder with host.json). Immutable.
/// `settings` are the `Values` of local.settings.json, which become the replicas' environment.
/// `warnings` are problems that do not stop a run (unknown fields, for example).
public record FunctionApp(Path dir, HostConfig host, List<FunctionDef> functions, Map<String, String> settings,
                          ContainerAppSpec containerApp, List<ProjectProblem> warnings) {
    public FunctionApp {
        functions = List.copyOf(functions);
        settings = Map.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    public Optional<FunctionDef> function(String name) {
        return functions.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /// Whether any function has a binding of one of `types` (e.g. the durable ones).
    public boolean uses(java.util.Set<String> types) {
        return functions.stream().flatMap(f -> f.bindings().stream()).anyMatch(b -> types.contains(b.type()));
    }

    /// Berth's local state folder (`.berth/`): database, keys, logs.
    public Path stateDir() { return dir.resolve(".berth"); }
}
