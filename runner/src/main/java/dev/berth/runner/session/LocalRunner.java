package dev.berth.runner.session;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.project.ProjectException;

import java.nio.file.Path;
import java.time.Clock;

/// Runs projects on the local container engine. One per application; thread-safe.
public final class LocalRunner implements Runner {
    private final ContainerEngine engine;
    private final Clock clock;

    public LocalRunner(ContainerEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public RunSession start(Path projectDir, RunOptions options, EventListener listener)
            throws ProjectException, RunException {
        throw new RunException("LocalRunner.start is being built (" + engine + ", " + clock + ")");
    }
}
