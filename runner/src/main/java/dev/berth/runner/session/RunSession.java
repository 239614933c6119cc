package dev.berth.runner.session;

import dev.berth.runner.trigger.ProjectStorage;

import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.replica.ReplicaInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A project running: its replicas, the ingress in front of them, the event store behind them.
/// Thread-safe. `close()` stops the ingress and stops and removes every container this session started.
public interface RunSession extends AutoCloseable {
    FunctionApp app();

    /// e.g. http://127.0.0.1:7071
    URI ingressUri();

    List<ReplicaInfo> replicas();

    /// The newest `last` finished invocations, newest first (from the project's SQLite database).
    List<InvocationFinished> recentInvocations(int last);

    /// Key name → key: "default" (function level) and "master" (admin level).
    Map<String, String> functionKeys();

    Optional<DebugEndpoint> debug();

    /// The project's embedded queues, blobs and timer status as this session uses them: writes here wake
    /// its triggers at once (the explorers and `berth queue put` use it while a session runs).
    ProjectStorage storage();

    /// The project's orchestrations on the session's durable backend.
    dev.berth.runner.durable.DurableControl durable();

    /// The project's Container Apps jobs: definitions, executions, attempts, and starting one.
    dev.berth.runner.job.JobRunner jobs();

    /// The autoscaler's recent decisions, oldest first (empty while debugging: one fixed replica).
    List<dev.berth.runner.event.ScaleDecision> scaleDecisions();

    /// The session's revisions and traffic: list, weights, labels, activate/deactivate/restart, swap, rollback.
    /// (Default for sessions without revisions, such as test fakes.)
    default dev.berth.runner.revision.RevisionControl revisions() {
        throw new UnsupportedOperationException("this session does not manage revisions");
    }

    @Override void close();
}
