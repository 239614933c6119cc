package dev.berth.runner.durable;

import com.google.protobuf.Empty;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ActivityResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CompleteTaskResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateTaskHubRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateTaskHubResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.DeleteTaskHubRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.DeleteTaskHubResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetWorkItemsRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationState;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.PurgeInstancesRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.PurgeInstancesResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ResumeRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ResumeResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RewindInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RewindInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SuspendRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SuspendResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TerminateRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TerminateResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.WorkItem;
import com.microsoft.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/// The Durable Task sidecar protocol (`TaskHubSidecarService`) as the SDKs call it, on top of the engine
/// and its operations. Refusals become gRPC statuses whose description is the backend's message, so the
/// SDK's exception tells the user what to fix. Thread-safe.
final class SidecarService extends TaskHubSidecarServiceGrpc.TaskHubSidecarServiceImplBase {
    private final DurableEngine engine;
    private final DurableOperations operations;

    SidecarService(DurableEngine engine, DurableOperations operations) {
        this.engine = engine;
        this.operations = operations;
    }

    @Override
    public void hello(Empty request, StreamObserver<Empty> out) {
        reply(out, Empty.getDefaultInstance());
    }

    @Override
    public void startInstance(CreateInstanceRequest request, StreamObserver<CreateInstanceResponse> out) {
        call(out, () -> {
            var startAt = request.hasScheduledStartTimestamp()
                    ? Optional.of(Protos.instant(request.getScheduledStartTimestamp())) : Optional.<Instant>empty();
            var id = operations.start(HubInterceptor.hub(), request.getName(), Optional.of(request.getInstanceId()),
                    request.hasInput() ? request.getInput().getValue() : null, startAt);
            return CreateInstanceResponse.newBuilder().setInstanceId(id).build();
        });
    }

    @Override
    public void getInstance(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
        call(out, () -> response(operations.instance(HubInterceptor.hub(), request.getInstanceId()),
                request.getGetInputsAndOutputs()));
    }

    @Override
    public void waitForInstanceStart(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
        await(request, operations.started(HubInterceptor.hub(), request.getInstanceId()), out);
    }

    @Override
    public void waitForInstanceCompletion(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
        await(request, operations.completion(HubInterceptor.hub(), request.getInstanceId()), out);
    }

    /// Long-polls without holding a thread; the client's deadline or hang-up cancels the wait.
    private void await(GetInstanceRequest request, CompletableFuture<InstanceInfo> wait,
                       StreamObserver<GetInstanceResponse> out) {
        Context.current().addListener(context -> wait.cancel(false), Runnable::run);
        wait.whenComplete((info, error) -> {
            if (error == null) {
                reply(out, response(Optional.of(info), request.getGetInputsAndOutputs()));
            } else if (unwrap(error) instanceof DurableException refused
                    && refused.reason() == DurableException.Reason.NOT_FOUND) {
                reply(out, GetInstanceResponse.newBuilder().setExists(false).build());
            } else if (!wait.isCancelled()) {
                out.onError(status(unwrap(error)).asRuntimeException());
            }
        });
    }

    @Override
    public void rewindInstance(RewindInstanceRequest request, StreamObserver<RewindInstanceResponse> out) {
        call(out, () -> {
            operations.rewind(HubInterceptor.hub(), request.getInstanceId(),
                    request.hasReason() ? request.getReason().getValue() : null);
            return RewindInstanceResponse.getDefaultInstance();
        });
    }

    @Override
    public void raiseEvent(RaiseEventRequest request, StreamObserver<RaiseEventResponse> out) {
        call(out, () -> {
            operations.raiseEvent(HubInterceptor.hub(), request.getInstanceId(), request.getName(),
                    request.hasInput() ? request.getInput().getValue() : null);
            return RaiseEventResponse.getDefaultInstance();
        });
    }

    @Override
    public void terminateInstance(TerminateRequest request, StreamObserver<TerminateResponse> out) {
        call(out, () -> {
            operations.terminate(HubInterceptor.hub(), request.getInstanceId(),
                    request.hasOutput() ? request.getOutput().getValue() : null);
            return TerminateResponse.getDefaultInstance();
        });
    }

    @Override
    public void suspendInstance(SuspendRequest request, StreamObserver<SuspendResponse> out) {
        call(out, () -> {
            operations.suspend(HubInterceptor.hub(), request.getInstanceId(),
                    request.hasReason() ? request.getReason().getValue() : null);
            return SuspendResponse.getDefaultInstance();
        });
    }

    @Override
    public void resumeInstance(ResumeRequest request, StreamObserver<ResumeResponse> out) {
        call(out, () -> {
            operations.resume(HubInterceptor.hub(), request.getInstanceId(),
                    request.hasReason() ? request.getReason().getValue() : null);
            return ResumeResponse.getDefaultInstance();
        });
    }

    @Override
    public void queryInstances(QueryInstancesRequest request, StreamObserver<QueryInstancesResponse> out) {
        call(out, () -> {
            var q = request.getQuery();
            var statuses = new HashSet<RuntimeStatus>();
            q.getRuntimeStatusList().forEach(s -> statuses.add(HistoryItems.status(s)));
            var query = new InstanceQuery(statuses,
                    q.hasCreatedTimeFrom() ? Optional.of(Protos.instant(q.getCreatedTimeFrom())) : Optional.empty(),
                    q.hasCreatedTimeTo() ? Optional.of(Protos.instant(q.getCreatedTimeTo())) : Optional.empty(),
                    q.hasInstanceIdPrefix() ? q.getInstanceIdPrefix().getValue() : "", q.getMaxInstanceCount(),
                    q.hasContinuationToken() && !q.getContinuationToken().getValue().isEmpty()
                            ? Optional.of(q.getContinuationToken().getValue()) : Optional.empty(),
                    q.getFetchInputsAndOutputs());
            var hub = q.getTaskHubNamesCount() > 0 ? q.getTaskHubNames(0).getValue() : HubInterceptor.hub();
            var page = operations.query(hub, query);
            var response = QueryInstancesResponse.newBuilder();
            page.instances().forEach(i -> response.addOrchestrationState(state(i, query.withPayloads())));
            page.continuation().ifPresent(token -> response.setContinuationToken(Protos.text(token)));
            return response.build();
        });
    }

    @Override
    public void purgeInstances(PurgeInstancesRequest request, StreamObserver<PurgeInstancesResponse> out) {
        call(out, () -> {
            var hub = HubInterceptor.hub();
            int deleted;
            if (request.hasPurgeInstanceFilter()) {
                var f = request.getPurgeInstanceFilter();
                var statuses = new HashSet<RuntimeStatus>();
                f.getRuntimeStatusList().forEach(s -> statuses.add(HistoryItems.status(s)));
                deleted = operations.purge(hub, new PurgeFilter(
                        f.hasCreatedTimeFrom() ? Optional.of(Protos.instant(f.getCreatedTimeFrom())) : Optional.empty(),
                        f.hasCreatedTimeTo() ? Optional.of(Protos.instant(f.getCreatedTimeTo())) : Optional.empty(), statuses));
            } else {
                try {
                    deleted = operations.purge(hub, request.getInstanceId());
                } catch (DurableException e) {
                    if (e.reason() != DurableException.Reason.NOT_FOUND) throw e;
                    deleted = 0; // the SDK reports "0 purged" for an unknown id
                }
            }
            return PurgeInstancesResponse.newBuilder().setDeletedInstanceCount(deleted).build();
        });
    }

    @Override
    public void getWorkItems(GetWorkItemsRequest request, StreamObserver<WorkItem> out) {
        var stream = (ServerCallStreamObserver<WorkItem>) out;
        var worker = engine.connect(HubInterceptor.hub(), HubInterceptor.peer(), stream);
        stream.setOnCancelHandler(() -> engine.disconnect(worker));
        stream.setOnReadyHandler(engine::handOut);
    }

    @Override
    public void completeActivityTask(ActivityResponse request, StreamObserver<CompleteTaskResponse> out) {
        call(out, () -> {
            engine.completeActivity(HubInterceptor.hub(), request);
            return CompleteTaskResponse.getDefaultInstance();
        });
    }

    @Override
    public void completeOrchestratorTask(OrchestratorResponse request, StreamObserver<CompleteTaskResponse> out) {
        call(out, () -> {
            engine.completeOrchestrator(HubInterceptor.hub(), request);
            return CompleteTaskResponse.getDefaultInstance();
        });
    }

    @Override
    public void createTaskHub(CreateTaskHubRequest request, StreamObserver<CreateTaskHubResponse> out) {
        reply(out, CreateTaskHubResponse.getDefaultInstance()); // hubs exist as soon as they are named
    }

    @Override
    public void deleteTaskHub(DeleteTaskHubRequest request, StreamObserver<DeleteTaskHubResponse> out) {
        call(out, () -> {
            operations.purge(HubInterceptor.hub(), new PurgeFilter(Optional.empty(), Optional.empty(), java.util.Set.of()));
            return DeleteTaskHubResponse.getDefaultInstance();
        });
    }

    private static GetInstanceResponse response(Optional<InstanceInfo> info, boolean payloads) {
        return info.map(i -> GetInstanceResponse.newBuilder().setExists(true).setOrchestrationState(state(i, payloads)).build())
                .orElseGet(() -> GetInstanceResponse.newBuilder().setExists(false).build());
    }

    static OrchestrationState state(InstanceInfo info, boolean payloads) {
        var state = OrchestrationState.newBuilder().setInstanceId(info.instanceId()).setName(info.name())
                .setOrchestrationStatus(HistoryItems.proto(info.status()))
                .setCreatedTimestamp(Protos.timestamp(info.created()))
                .setLastUpdatedTimestamp(Protos.timestamp(info.lastUpdated()));
        info.scheduledStart().ifPresent(t -> state.setScheduledStartTimestamp(Protos.timestamp(t)));
        if (payloads && info.input() != null) state.setInput(Protos.text(info.input()));
        if (payloads && info.output() != null) state.setOutput(Protos.text(info.output()));
        if (info.customStatus() != null) state.setCustomStatus(Protos.text(info.customStatus()));
        info.failure().ifPresent(f -> state.setFailureDetails(Protos.details(f.type(), f.message()).toBuilder()
                .setStackTrace(Protos.text(f.stackTrace()))));
        return state.build();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> void call(StreamObserver<T> out, Call<T> call) {
        T result;
        try {
            result = call.run();
        } catch (Exception e) {
            out.onError(status(e).asRuntimeException());
            return;
        }
        reply(out, result);
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    static Status status(Throwable error) {
        if (error instanceof DurableException refused) {
            var code = switch (refused.reason()) {
                case NOT_FOUND -> Status.NOT_FOUND;
                case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
                case WRONG_STATE -> Status.FAILED_PRECONDITION;
                case INVALID -> Status.INVALID_ARGUMENT;
            };
            return code.withDescription(refused.getMessage());
        }
        if (error instanceof IllegalArgumentException bad) return Status.INVALID_ARGUMENT.withDescription(bad.getMessage());
        return Status.INTERNAL.withDescription("Berth's durable backend failed: " + error).withCause(error);
    }

}
