package dev.berth.runner.session;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.project.ProjectException;

import java.nio.file.Path;
import java.time.Clock;

/// Starts run sessions. One per application; thread-safe.
public final class Runner {
    private final ContainerEngine engine;
    private final Clock clock;

    public Runner(ContainerEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /// Loads the project, builds its image (progress as events), starts its replicas and the ingress,
    /// and returns once the ingress serves (replicas may still be starting). Events go to `listener`
    /// and to the project's database.
    public RunSession start(Path projectDir, RunOptions options, EventListener listener)
            throws ProjectException, RunException {
        throw new RunException("Runner.start is being built (" + engine + ", " + clock + ")");
    }
}
