package dev.berth.runner.session;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.project.ProjectException;

import java.nio.file.Path;

/// Starts run sessions. Implementations are thread-safe.
public interface Runner {
    /// Loads the project, builds its image (progress as events), starts its replicas and the ingress,
    /// and returns once the ingress serves (replicas may still be starting). Events go to `listener`
    /// and to the project's database. Blocks: call it off the FX thread.
    RunSession start(Path projectDir, RunOptions options, EventListener listener)
            throws ProjectException, RunException;
}
