package dev.berth.runner.session;

import dev.berth.runner.build.ImageBuilder;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ImageBuildProgress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectLoader;
import dev.berth.runner.replica.ReplicaTemplate;
import dev.berth.runner.revision.RevisionConfigReader;
import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionSource;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/// Revisions of a session's project as it is on disk: the revision settings and content hash now, and an
/// image built for each revision with the replica template of the project as it was loaded for it.
/// Called by the revision manager, one call at a time.
final class ProjectRevisions implements RevisionSource {
    private final FunctionApp started;
    private final String sessionId;
    private final RunOptions options;
    private final Optional<DurableEndpoint> durable;
    private final ContainerEngine engine;
    private final EventListener events;
    private final Clock clock;

    ProjectRevisions(FunctionApp started, String sessionId, RunOptions options, Optional<DurableEndpoint> durable,
                     ContainerEngine engine, EventListener events, Clock clock) {
        this.started = started;
        this.sessionId = sessionId;
        this.options = options;
        this.durable = durable;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Snapshot read() throws ProjectException, RevisionException {
        var config = RevisionConfigReader.read(started.dir());
        try {
            return new Snapshot(config, Revisions.contentHash(started.dir()));
        } catch (IOException e) {
            var file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile()
                    : started.dir().toString();
            throw new RevisionException(RevisionException.Reason.FAILED, "Cannot read " + file + " to name the revision ("
                    + e.getMessage() + "). Fix: make it readable by your user, or move it out of " + started.dir() + ".", e);
        }
    }

    /// The app is loaded again, so a changed containerapp.yaml (env, resources, probe) is in the new
    /// revision's template. Routes and bindings stay those of the session's start.
    @Override
    public ReplicaTemplate build(String revision) throws RevisionException, ProjectException {
        var app = new ProjectLoader().load(started.dir());
        var tag = ReplicaPlan.imageTag(app, revision);
        try {
            new ImageBuilder(engine).build(app.dir(), tag,
                    line -> events.onEvent(new ImageBuildProgress(clock.instant(), tag, line, false)));
            events.onEvent(new ImageBuildProgress(clock.instant(), tag, "built " + tag, true));
        } catch (ImageBuildException e) {
            events.onEvent(new ImageBuildProgress(clock.instant(), tag, "build failed", true));
            throw new RevisionException(RevisionException.Reason.FAILED, "The image build failed. " + e.getMessage(), e);
        }
        return ReplicaPlan.template(app, revision, sessionId, options, durable);
    }

    @Override public int initialReplicas() { return ReplicaPlan.initialReplicas(started, options); }

    @Override public String app() { return started.containerApp().name(); }
}
