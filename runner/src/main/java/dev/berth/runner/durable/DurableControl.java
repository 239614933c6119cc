package dev.berth.runner.durable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/// What the desktop app, the CLI and the HTTP management API do with orchestrations: the client side of
/// the durable backend, without gRPC. Every method names the task hub; [#defaultHub()] is the project's
/// (`host.json` `extensions.durableTask.hubName`). JSON payloads are passed as text and checked: a
/// malformed one is refused with [DurableException.Reason#INVALID]. Thread-safe.
public interface DurableControl {
    String defaultHub();

    /// Schedules a new instance of orchestration `name` and answers its id (`instanceId`, or a new UUID).
    /// `inputJson` may be null. Refused when an instance with that id is still running, or when the project
    /// declares its orchestrations (orchestrationTrigger functions) and `name` is not one of them.
    String start(String hub, String name, Optional<String> instanceId, String inputJson, Optional<Instant> startAt)
            throws DurableException;

    Optional<InstanceInfo> instance(String hub, String instanceId);

    /// The instance's history in order (the current execution; continue-as-new starts a new one).
    List<HistoryItem> history(String hub, String instanceId);

    InstancePage query(String hub, InstanceQuery query);

    /// Delivers event `name` to a running or suspended instance.
    void raiseEvent(String hub, String instanceId, String name, String inputJson) throws DurableException;

    void terminate(String hub, String instanceId, String outputJson) throws DurableException;

    void suspend(String hub, String instanceId, String reason) throws DurableException;

    void resume(String hub, String instanceId, String reason) throws DurableException;

    /// Re-runs the failed activities and sub-orchestrations of a Failed instance from its last good state.
    void rewind(String hub, String instanceId, String reason) throws DurableException;

    /// Starts the same orchestration with the same input: under a new id, or under the same id when
    /// `newInstanceId` is false (the old instance must have finished). Answers the id.
    String restart(String hub, String instanceId, boolean newInstanceId) throws DurableException;

    /// Deletes one finished instance and its history; answers how many were deleted (0 or 1).
    int purge(String hub, String instanceId) throws DurableException;

    int purge(String hub, PurgeFilter filter);

    /// Completes when the instance reaches a terminal status (at once if it has). Callers add their own
    /// timeout; cancelling the future stops the wait.
    CompletableFuture<InstanceInfo> completion(String hub, String instanceId);

    /// The orchestration names the project declares (orchestrationTrigger functions); empty when it declares
    /// none, and then any name is accepted.
    List<String> declaredOrchestrations();
}
