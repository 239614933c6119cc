package dev.berth.runner.session;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.durable.DurableBackend;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.replica.ReplicaSet;
import dev.berth.runner.revision.RevisionAdminApi;
import dev.berth.runner.revision.RevisionConfig;
import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionManager;
import dev.berth.runner.revision.RevisionRouter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/// The revision wiring of a session: manager and router over one ReplicaSet per revision, the admin
/// endpoints on the ingress, the first revision and the project watcher. Stateless.
final class SessionRevisions {
    /// How long a burst of saves must be quiet before a rollout starts.
    static final Duration DEBOUNCE = Duration.ofMillis(150);

    private SessionRevisions() {}

    static RevisionManager create(FunctionApp app, RevisionConfig config, String sessionId, RunOptions options,
                                  DurableBackend durable, ContainerEngine engine, EventListener events, Clock clock) {
        var source = new ProjectRevisions(app, sessionId, options, SessionDurable.endpoint(app, durable), engine, events, clock);
        return new RevisionManager(source, template -> new ReplicaSetPool(new ReplicaSet(engine, template, events, clock)),
                new RevisionRouter(clock), events, clock, RevisionManager.Settings.defaults());
    }

    static void mount(Ingress ingress, RevisionManager revisions, FunctionApp app) {
        var api = new RevisionAdminApi(revisions, app.containerApp().name(), ingress.uri());
        ingress.mount(Ingress.REVISIONS, api::handle);
        ingress.mount(Ingress.TRAFFIC, api::handle);
    }

    /// Builds and routes the first revision, then watches the project for the next. Returns its name.
    static String start(RevisionManager revisions, RevisionConfig config, FunctionApp app)
            throws RunException, ProjectException {
        String first;
        try {
            first = revisions.start(config);
        } catch (RevisionException e) {
            throw new RunException(e.getMessage(), e);
        }
        try {
            revisions.watch(app.dir(), DEBOUNCE);
        } catch (IOException e) {
            throw new RunException("Cannot watch " + app.dir() + " for changes (" + e.getMessage() + "). Fix: raise"
                    + " fs.inotify.max_user_watches, or exclude large folders from the project.", e);
        }
        return first;
    }
}
