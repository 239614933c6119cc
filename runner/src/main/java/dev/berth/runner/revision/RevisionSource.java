package dev.berth.runner.revision;

import dev.berth.runner.project.ProjectException;
import dev.berth.runner.replica.ReplicaTemplate;

/// Where revisions come from: the project's files as they are now, and the image built from them.
/// Implemented by the session (project loader + image builder), by fakes in tests. Called on one thread
/// at a time.
public interface RevisionSource {
    /// The project's revision settings and a hash of its files now.
    Snapshot read() throws ProjectException, RevisionException;

    /// Builds the project as it is on disk into the image of `revision`, and the template of its replicas.
    ReplicaTemplate build(String revision) throws RevisionException, ProjectException;

    /// How many replicas a revision starts with.
    int initialReplicas();

    /// The app name (revisions are `<app>--<suffix>`).
    String app();

    record Snapshot(RevisionConfig config, String contentHash) {}
}
