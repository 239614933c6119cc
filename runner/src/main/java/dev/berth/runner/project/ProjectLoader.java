package dev.berth.runner.project;

import java.nio.file.Path;

/// Reads and validates a function project folder. Stateless.
public final class ProjectLoader {
    public FunctionApp load(Path dir) throws ProjectException {
        throw new IllegalStateException("ProjectLoader is being built: " + dir);
    }
}
