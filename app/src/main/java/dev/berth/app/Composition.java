package dev.berth.app;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.session.Runner;

import java.nio.file.Path;
import java.time.Clock;

/// The object graph, built once by `Main` with constructors (no singletons, no locator).
/// `userDir` holds Berth's own settings (recent projects, theme), e.g. ~/.config/berth.
public record Composition(ContainerEngine engine, Runner runner, ProjectTemplates templates, Clock clock,
                          Path userDir) implements AutoCloseable {
    @Override public void close() { engine.close(); }
}
