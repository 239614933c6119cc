package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ActivityResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.WorkItem;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.runner.event.RunnerNotice;
import io.grpc.stub.ServerCallStreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/// The durable backend's state machine. Orchestrators replay in the SDK's workers; this class keeps the
/// event-sourced history, hands out work items (one episode per instance at a time, activities to any
/// worker of the hub), applies what comes back, fires durable timers, and answers the client calls
/// ([DurableOperations]). Every step is one SQLite transaction, committed before anyone hears of it.
/// Thread-safe: one lock guards the working set, the database writes and the worker streams.
public final class DurableEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DurableEngine.class);
    /// Work items one worker may hold unanswered. The Java SDK runs them one at a time; the window only
    /// keeps its stream fed without sending a whole fan-out before the orchestrator gets its results.
    static final int WINDOW = 64;
    /// How long an episode may stay unanswered before a notice says so. An orchestrator episode is replay
    /// plus deciding, never I/O: a minute means the worker is stuck or its thread died (the Java SDK 1.5's
    /// does when it fails an orchestrator that already completed), while its stream stays open.
    static final Duration EPISODE_OVERDUE = Duration.ofMinutes(1);

    final ReentrantLock lock = new ReentrantLock();
    private final Condition timersChanged = lock.newCondition();
    final DurableStore store;
    final Clock clock;
    private final EventListener events;
    final Map<InstanceKey, Instance> active;
    private final Map<ActivityKey, Activity> activities = new HashMap<>();
    private final ArrayDeque<Activity> readyActivities = new ArrayDeque<>();
    private final Set<Instance> candidates = new LinkedHashSet<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Waiters waiters = new Waiters();
    private final Map<InstanceKey, String> changes = new LinkedHashMap<>();
    final Episodes episodes;
    private final Thread timerThread;
    private volatile boolean closed;

    DurableEngine(DurableStore store, Clock clock, EventListener events) throws SQLException {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.active = store.loadActive();
        for (var activity : store.loadActivities()) {
            activities.put(new ActivityKey(activity.instance(), activity.taskId()), activity);
            readyActivities.add(activity);
        }
        candidates.addAll(active.values());
        store.commit(); // ends the loads' read transaction: a lingering snapshot makes later writes SQLITE_BUSY
        this.episodes = new Episodes(this);
        this.timerThread = Thread.ofVirtual().name("durable-timers").start(this::runTimers);
    }

    // ---- worker side ----

    Worker connect(String hub, String peer, ServerCallStreamObserver<WorkItem> stream) {
        var worker = new Worker(hub, peer, stream);
        lock.lock();
        try {
            workers.add(worker);
            notice(RunnerNotice.Level.INFO, "durable worker connected from " + peer + " (task hub " + hub + ")");
            pump();
        } finally {
            lock.unlock();
        }
        return worker;
    }

    /// The worker hung up or failed: what it held is handed out again.
    void disconnect(Worker worker) {
        lock.lock();
        try {
            if (!workers.remove(worker)) return;
            worker.gone = true;
            int held = worker.orchestrations.size() + worker.activities.size();
            for (var instance : worker.orchestrations) {
                instance.lockedBy = null;
                instance.dispatched = List.of();
                candidates.add(instance);
            }
            worker.activities.values().forEach(readyActivities::addFirst);
            worker.orchestrations.clear();
            worker.activities.clear();
            notice(held == 0 ? RunnerNotice.Level.INFO : RunnerNotice.Level.WARNING, "durable worker " + worker.peer
                    + " disconnected" + (held == 0 ? "" : "; " + held + " work item(s) it held go to the next worker"));
            pump();
        } finally {
            lock.unlock();
        }
    }

    void completeActivity(String hub, ActivityResponse response) throws SQLException, DurableException {
        var key = new ActivityKey(new InstanceKey(hub, response.getInstanceId()), response.getTaskId());
        step(() -> {
            var activity = activities.remove(key);
            if (activity == null || !store.removeActivity(activity.rowId())) {
                log.debug("ignoring a second completion of activity {} (already applied)", key);
                return;
            }
            workers.forEach(w -> w.activities.remove(key));
            var instance = active.get(key.instance());
            if (instance == null) return; // finished or terminated meanwhile: the result has no reader
            var event = Protos.event(clock.instant());
            if (response.hasFailureDetails()) {
                event.setTaskFailed(TaskFailedEvent.newBuilder().setTaskScheduledId(key.taskId())
                        .setFailureDetails(response.getFailureDetails()));
            } else {
                var completed = TaskCompletedEvent.newBuilder().setTaskScheduledId(key.taskId());
                if (response.hasResult()) completed.setResult(response.getResult());
                event.setTaskCompleted(completed);
            }
            deliver(instance, event.build(), clock.instant());
            changed(instance, (response.hasFailureDetails() ? "activity failed: " : "activity completed: ")
                    + activity.request().getName() + " #" + key.taskId());
        });
    }

    void completeOrchestrator(String hub, OrchestratorResponse response) throws SQLException, DurableException {
        var key = new InstanceKey(hub, response.getInstanceId());
        step(() -> {
            var instance = active.get(key);
            if (instance == null || !instance.locked()) {
                log.debug("ignoring an episode result for {}: it is finished or was handed out again", key);
                return;
            }
            instance.lockedBy.orchestrations.remove(instance);
            episodes.apply(instance, response);
        });
    }

    // ---- helpers for Episodes and DurableOperations (call with the lock held, inside a step) ----

    /// Puts `event` in the instance's inbox, visible from `visibleAt`.
    void deliver(Instance instance, HistoryEvent event, Instant visibleAt) throws SQLException {
        instance.inbox.add(new InboxEntry(store.addInbox(instance.key, visibleAt, event), visibleAt, event));
        candidates.add(instance);
        if (visibleAt.isAfter(clock.instant())) timersChanged.signalAll();
    }

    void schedule(Activity activity) {
        activities.put(new ActivityKey(activity.instance(), activity.taskId()), activity);
        readyActivities.add(activity);
    }

    /// Forgets what an instance had pending (it finished, was terminated, or continued as new).
    void dropPending(Instance instance) throws SQLException {
        store.clearPending(instance.key);
        instance.inbox.clear();
        activities.keySet().removeIf(k -> k.instance().equals(instance.key));
        workers.forEach(w -> w.activities.keySet().removeIf(k -> k.instance().equals(instance.key)));
    }

    /// Marks the instance finished: it leaves the working set, its waiters hear of it.
    void finished(Instance instance) throws SQLException {
        dropPending(instance);
        if (instance.lockedBy != null) instance.lockedBy.orchestrations.remove(instance);
        instance.lockedBy = null;
        active.remove(instance.key);
        candidates.remove(instance);
    }

    void add(Instance instance) {
        active.put(instance.key, instance);
        candidates.add(instance);
    }

    void changed(Instance instance, String change) {
        changes.merge(instance.key, change, (a, b) -> b);
    }

    /// Runs `work` as one transaction under the lock; then tells listeners and waiters and hands out work.
    /// A failed transaction is rolled back and the working set reloaded from the database, so memory never
    /// runs ahead of what is stored.
    void step(SqlWork work) throws SQLException, DurableException {
        lock.lock();
        try {
            try {
                work.run();
                store.commit();
            } catch (DurableException refused) { // refusals come before any change
                store.rollback();
                changes.clear();
                throw refused;
            } catch (SQLException | RuntimeException e) {
                store.rollback();
                changes.clear();
                reload();
                throw e;
            }
            publishChanges();
            pump();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException, DurableException;
    }

    private void reload() throws SQLException {
        active.clear();
        active.putAll(store.loadActive());
        activities.clear();
        readyActivities.clear();
        for (var activity : store.loadActivities()) {
            activities.put(new ActivityKey(activity.instance(), activity.taskId()), activity);
            readyActivities.add(activity);
        }
        for (var worker : workers) {
            worker.orchestrations.clear();
            worker.activities.clear();
        }
        candidates.clear();
        candidates.addAll(active.values());
        store.commit(); // as after the first load
    }

    private void publishChanges() {
        for (var entry : changes.entrySet()) {
            var instance = active.get(entry.getKey());
            Optional<InstanceInfo> info = instance != null ? Optional.of(instance.info()) : stored(entry.getKey());
            info.ifPresent(i -> {
                events.onEvent(new OrchestrationChanged(clock.instant(), i.hub(), i.instanceId(), i.name(), i.status(),
                        entry.getValue(), instance != null ? instance.history.size() : -1));
                waiters.changed(entry.getKey(), i);
            });
        }
        changes.clear();
    }

    private Optional<InstanceInfo> stored(InstanceKey key) {
        try {
            return store.info(key);
        } catch (SQLException e) {
            log.warn("cannot read {} back for its listeners", key, e);
            return Optional.empty();
        }
    }

    /// A future completed when the instance's status satisfies `until` (at once when it already does).
    CompletableFuture<InstanceInfo> await(InstanceKey key, Predicate<RuntimeStatus> until) {
        var future = new CompletableFuture<InstanceInfo>();
        lock.lock();
        try {
            var instance = active.get(key);
            var info = instance != null ? Optional.of(instance.info()) : stored(key);
            if (info.isEmpty()) {
                future.completeExceptionally(new DurableException(DurableException.Reason.NOT_FOUND,
                        "no instance " + key.id() + " in task hub " + key.hub()));
            } else if (until.test(info.get().status()) || info.get().status().terminal()) {
                future.complete(info.get());
            } else {
                waiters.add(key, until, future);
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    // ---- handing out work ----

    /// Gives each worker with room the next work item of its hub: episodes first (they decide what runs
    /// next), then activities. Call with the lock held.
    private void pump() {
        if (workers.isEmpty()) return;
        var now = clock.instant();
        boolean sent = true;
        while (sent) {
            sent = false;
            for (var worker : workers) {
                if (!worker.canTake(WINDOW)) continue;
                if (sendEpisode(worker, now) || sendActivity(worker)) sent = true;
            }
        }
    }

    private boolean sendEpisode(Worker worker, Instant now) {
        for (var it = candidates.iterator(); it.hasNext(); ) {
            var instance = it.next();
            if (instance.locked() || !active.containsKey(instance.key) || !instance.hasWorkAt(now)) {
                it.remove(); // timers and unlocks put it back
                continue;
            }
            if (!instance.key.hub().equals(worker.hub)) continue;
            it.remove();
            worker.send(WorkItem.newBuilder().setOrchestratorRequest(episode(instance, worker, now)).build());
            return true;
        }
        return false;
    }

    private OrchestratorRequest episode(Instance instance, Worker worker, Instant now) {
        var visible = instance.inbox.stream().filter(e -> !e.visibleAt().isAfter(now)).toList();
        instance.lockedBy = worker;
        instance.dispatchedAt = now;
        instance.overdueReported = false;
        instance.dispatched = visible;
        instance.episodeStart = Protos.event(SdkHistory.episodeTime(visible, now))
                .setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build();
        worker.orchestrations.add(instance);
        var request = OrchestratorRequest.newBuilder().setInstanceId(instance.key.id())
                .setExecutionId(Protos.text(instance.executionId))
                .addAllPastEvents(SdkHistory.replayable(instance.history))
                .addNewEvents(instance.episodeStart);
        request.addAllNewEvents(SdkHistory.replayable(visible.stream().map(InboxEntry::event).toList()));
        return request.build();
    }

    private boolean sendActivity(Worker worker) {
        for (var it = readyActivities.iterator(); it.hasNext(); ) {
            var activity = it.next();
            var key = new ActivityKey(activity.instance(), activity.taskId());
            if (activities.get(key) != activity) {
                it.remove(); // finished, or its instance moved on
                continue;
            }
            if (!activity.instance().hub().equals(worker.hub)) continue;
            it.remove();
            worker.activities.put(key, activity);
            worker.send(WorkItem.newBuilder().setActivityRequest(activity.request()).build());
            return true;
        }
        return false;
    }

    /// Hands out work to workers with room (a worker's stream became writable again).
    void handOut() {
        lock.lock();
        try {
            pump();
        } finally {
            lock.unlock();
        }
    }

    /// Wakes instances whose timers (or scheduled starts) came due. Tests with a fixed clock call it after
    /// moving the clock.
    public void wake() {
        lock.lock();
        try {
            var now = clock.instant();
            for (var instance : active.values()) {
                if (!instance.locked() && instance.hasWorkAt(now)) candidates.add(instance);
                else if (instance.locked()) reportOverdue(instance, now);
            }
            pump();
        } finally {
            lock.unlock();
        }
    }

    private void reportOverdue(Instance instance, Instant now) {
        if (instance.overdueReported || instance.dispatchedAt == null
                || Duration.between(instance.dispatchedAt, now).compareTo(EPISODE_OVERDUE) < 0) return;
        instance.overdueReported = true;
        notice(RunnerNotice.Level.WARNING, "orchestration " + instance.name + " (" + instance.key.id() + "): "
                + instance.lockedBy + " has not answered its episode for " + Duration.between(instance.dispatchedAt, now)
                .toSeconds() + " s; the worker may be stuck or its thread may have died. Fix: look at the replica's"
                + " log; restart the replica (its work items then go to another worker).");
    }

    private void runTimers() {
        while (!closed) {
            lock.lock();
            try {
                var now = clock.instant();
                var next = active.values().stream().map(i -> i.nextVisibleAfter(now)).flatMap(Optional::stream)
                        .min(Instant::compareTo);
                // At most a second between looks, so a clock that jumps is noticed.
                var wait = next.map(t -> Duration.between(now, t)).filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0)
                        .orElse(Duration.ofSeconds(1));
                timersChanged.awaitNanos(Math.max(wait.toNanos(), 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (!closed) wake();
        }
    }

    void notice(RunnerNotice.Level level, String text) {
        events.onEvent(new RunnerNotice(clock.instant(), level, text));
    }

    @Override
    public void close() {
        closed = true;
        timerThread.interrupt();
        lock.lock();
        try {
            workers.forEach(Worker::end);
            workers.clear();
            waiters.cancelAll();
        } finally {
            lock.unlock();
        }
        try {
            timerThread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
