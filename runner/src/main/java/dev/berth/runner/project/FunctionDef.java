package dev.berth.runner.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// One function: its folder name, its function.json, and its bindings.
/// `httpTrigger` is present when the function's trigger is an httpTrigger.
public record FunctionDef(String name, Path file, List<Binding> bindings, Optional<HttpTrigger> httpTrigger) {
    public FunctionDef { bindings = List.copyOf(bindings); }

    /// The binding with direction "in" whose type ends with "Trigger".
    public Optional<Binding> trigger() {
        return bindings.stream().filter(b -> b.type().endsWith("Trigger")).findFirst();
    }
}
