package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.WorkItem;
import io.grpc.stub.ServerCallStreamObserver;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/// One connected SDK worker: its `GetWorkItems` stream and the work items it holds. When it goes away,
/// what it held goes back to the queue (activities run at least once, as in the cloud). Guarded by the
/// engine's lock; the stream is only written under it.
final class Worker {
    final String hub;
    final String peer;
    private final ServerCallStreamObserver<WorkItem> stream;
    final Set<Instance> orchestrations = new LinkedHashSet<>();
    final Map<ActivityKey, Activity> activities = new LinkedHashMap<>();
    boolean gone;

    Worker(String hub, String peer, ServerCallStreamObserver<WorkItem> stream) {
        this.hub = hub;
        this.peer = peer;
        this.stream = stream;
    }

    /// Room for one more item: the stream is writable without buffering more, and fewer than `window`
    /// items are unanswered.
    boolean canTake(int window) {
        return !gone && stream.isReady() && orchestrations.size() + activities.size() < window;
    }

    void send(WorkItem item) { stream.onNext(item); }

    void end() {
        gone = true;
        try {
            stream.onCompleted();
        } catch (RuntimeException alreadyClosed) {
            // the worker hung up first
        }
    }

    @Override
    public String toString() { return "worker " + peer + " (hub " + hub + ")"; }
}
