package dev.berth.runner.build;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageBuildException;

import java.nio.file.Path;
import java.util.function.Consumer;

/// Builds a project's image offline-first. Thread-safe.
public final class ImageBuilder {
    private final ContainerEngine engine;

    public ImageBuilder(ContainerEngine engine) { this.engine = engine; }

    /// Builds `projectDir` (its Dockerfile) as `tag`; each output line goes to `progress`.
    public void build(Path projectDir, String tag, Consumer<String> progress) throws ImageBuildException {
        throw new ImageBuildException("ImageBuilder is being built: " + engine + projectDir + tag + progress);
    }
}
