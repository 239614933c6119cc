package dev.berth.runner.session;

import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.replica.ReplicaTemplate;

/// Turns a project and run options into the replica template of a revision. Stateless.
final class ReplicaPlan {
    private ReplicaPlan() {}

    static ReplicaTemplate template(FunctionApp app, String revision, String sessionId, RunOptions options) {
        throw new IllegalStateException("ReplicaPlan is being built" + app + revision + sessionId + options);
    }

    static String imageTag(FunctionApp app, String revision) { return "berth/" + revision; }

    static int initialReplicas(FunctionApp app, RunOptions options) { return 1; }
}
