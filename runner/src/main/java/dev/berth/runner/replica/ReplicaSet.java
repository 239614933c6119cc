package dev.berth.runner.replica;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.event.RunnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.ArrayList;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/// The replicas of one revision: starts them, checks readiness, restarts crashed ones with backoff, and
/// hands out leases least-outstanding-first.
///
/// Thread-safe. All replica state sits behind one lock; each replica has a supervisor on its own virtual
/// thread ([Supervisor]) that does the blocking work (engine calls, probes, backoff). `acquire` waits on a
/// condition signalled by every state change, never spinning. State changes are published while the lock
/// is held, so listeners see each replica's events in the order its state changed (listeners must not
/// block, as [EventListener] says); log lines are published without it.
public final class ReplicaSet implements ReplicaPool, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSet.class);

    private final ContainerEngine engine;
    private final ReplicaTemplate template;
    private final EventListener events;
    private final Clock clock;
    private final Settings settings;
    private final GpuPlacement gpu;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeMap<String, Replica> replicas = new TreeMap<>();
    private final SplittableRandom random = new SplittableRandom();
    private final List<Consumer<URI>> removalListeners = new CopyOnWriteArrayList<>();
    /// Containers whose removal failed (container id → replica id), reported by `stop`.
    private final Map<String, String> notRemoved = new ConcurrentHashMap<>();
    private boolean closed;
    private int turn;

    /// Timings of the lifecycle. `startDeadline`: how long a new container may take to pass its readiness
    /// probe; backoff doubles from `firstBackoff` up to `maxBackoff` and starts over once a replica stayed
    /// ready for `backoffReset`; `statusPoll`: how often a ready replica's container is checked;
    /// `stopGrace`: SIGTERM-to-SIGKILL time on stop; `waits`: how all of these are waited for. Immutable.
    public record Settings(Duration startDeadline, Duration firstBackoff, Duration maxBackoff,
                           Duration backoffReset, Duration statusPoll, Duration stopGrace, Waits waits) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(2), Waits.real());
        }

        public Settings withWaits(Waits other) {
            return new Settings(startDeadline, firstBackoff, maxBackoff, backoffReset, statusPoll, stopGrace, other);
        }

        public Settings withStartDeadline(Duration deadline) {
            return new Settings(deadline, firstBackoff, maxBackoff, backoffReset, statusPoll, stopGrace, waits);
        }

        /// The pause before the restart that follows `failures` consecutive failures (0-based).
        Duration backoff(int failures) {
            var delay = firstBackoff.multipliedBy(1L << Math.min(failures, 20));
            return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
        }
    }

    /// A set with the default timings, waiting in real time.
    public ReplicaSet(ContainerEngine engine, ReplicaTemplate template, EventListener events, Clock clock) {
        this(engine, template, events, clock, Settings.defaults());
    }

    public ReplicaSet(ContainerEngine engine, ReplicaTemplate template, EventListener events, Clock clock,
                      Settings settings) {
        this.engine = engine;
        this.template = template;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.gpu = new GpuPlacement(template.gpu());
    }

    /// Starts or stops replicas until `count` are wanted; returns at once (starts run in the background).
    /// Scale-down stops replicas that are not ready first, then the least busy. Ignored after `close`.
    public void scaleTo(int count) {
        if (count < 0) throw new IllegalArgumentException("replica count must be >= 0, was " + count);
        lock.lock();
        try {
            if (closed) {
                LOG.debug("scaleTo({}) after close ignored", count);
                return;
            }
            var active = replicas.values().stream().filter(r -> !r.stopRequested).toList();
            for (int i = active.size(); i < count; i++) launch();
            active.stream()
                    .sorted(Comparator.<Replica>comparingInt(r -> r.state == ReplicaState.READY ? 1 : 0)
                            .thenComparingInt(r -> r.outstanding)
                            .thenComparing(r -> r.id, Comparator.reverseOrder()))
                    .limit(Math.max(0, active.size() - count))
                    .forEach(r -> requestStop(r, "scaled to " + count + " replica(s)"));
        } finally {
            lock.unlock();
        }
    }

    /// Caller holds the lock. Starting a virtual thread does not block, so it happens under the lock and
    /// `close` can never miss a supervisor.
    private void launch() {
        String id;
        do {
            id = template.revision() + "-" + HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
        } while (replicas.containsKey(id));
        var replica = new Replica(id, clock.instant());
        replicas.put(id, replica);
        var supervisor = new Supervisor(this, replica, engine, template, clock, settings);
        replica.supervisor = Thread.ofVirtual().name("replica-" + id).start(supervisor);
    }

    /// Caller holds the lock.
    private void requestStop(Replica replica, String why) {
        replica.stopRequested = true;
        replica.state = ReplicaState.STOPPING;
        changed.signalAll();
        publish(event(replica, ReplicaState.STOPPING, why));
        replica.wake.release();
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!closed) {
                var replica = leastBusy();
                if (replica != null) {
                    replica.outstanding++;
                    var base = URI.create("http://127.0.0.1:" + replica.hostPort);
                    return Optional.of(new SetLease(replica, replica.containerId, base));
                }
                if (nanos <= 0) break;
                nanos = changed.awaitNanos(nanos);
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /// Caller holds the lock. Ties rotate, so sequential requests spread over idle replicas.
    private Replica leastBusy() {
        var ready = replicas.values().stream().filter(Replica::takesRequests).toList();
        if (ready.isEmpty()) return null;
        int least = ready.stream().mapToInt(r -> r.outstanding).min().orElseThrow();
        var ties = ready.stream().filter(r -> r.outstanding == least).toList();
        return ties.get(Math.floorMod(turn++, ties.size()));
    }

    @Override
    public List<ReplicaInfo> replicas() {
        lock.lock();
        try {
            return replicas.values().stream().map(r -> r.snapshot(template.revision())).toList();
        } finally {
            lock.unlock();
        }
    }

    /// Stops every replica and removes its container (in parallel, each on its supervisor's thread), and
    /// waits for them. Idempotent; later `scaleTo` calls start nothing.
    @Override
    public void close() {
        stop();
    }

    /// As `close`, and says which replicas may have left a container behind: their supervisor did not end
    /// in time, or the engine failed to remove the container. Empty when everything is gone (and on
    /// a second call).
    public List<String> stop() {
        List<Replica> all;
        lock.lock();
        try {
            if (closed) return List.of();
            closed = true;
            all = List.copyOf(replicas.values());
            all.stream().filter(r -> !r.stopRequested).forEach(r -> requestStop(r, "stopping"));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        var patience = settings.stopGrace().plusSeconds(10);
        var left = new ArrayList<String>();
        for (var replica : all) {
            try {
                if (!replica.supervisor.join(patience)) {
                    LOG.warn("replica {} did not stop within {}", replica.id, patience);
                    left.add(replica.id + " (still stopping after " + patience.toSeconds() + " s)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                left.add(replica.id + " (Berth was interrupted while it stopped)");
            }
        }
        notRemoved.forEach((container, id) -> left.add(id + " (container " + shortId(container) + " was not removed)"));
        return List.copyOf(left);
    }

    @Override
    public void onContainerRemoved(Consumer<URI> listener) { removalListeners.add(listener); }

    // ---- called by supervisors ----

    /// Moves `replica` to `state` after applying `change`, unless a stop was requested (then only the
    /// supervisor's final STOPPED counts). Returns false when the transition was dropped.
    boolean update(Replica replica, ReplicaState state, String detail, Consumer<Replica> change) {
        lock.lock();
        try {
            if (replica.stopRequested) return false;
            change.accept(replica);
            replica.state = state;
            changed.signalAll();
            publish(event(replica, state, detail));
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean stopRequested(Replica replica) {
        lock.lock();
        try {
            return replica.stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /// Takes a pending check request of a failed lease, if any.
    boolean takeCheckRequest(Replica replica) {
        lock.lock();
        try {
            var requested = replica.checkRequested;
            replica.checkRequested = false;
            return requested;
        } finally {
            lock.unlock();
        }
    }

    /// The supervisor ended: the container is gone.
    void finished(Replica replica, String detail) {
        lock.lock();
        try {
            replica.state = ReplicaState.STOPPED;
            replicas.remove(replica.id);
            gpu.release(replica.id);
            changed.signalAll();
            publish(event(replica, ReplicaState.STOPPED, detail));
        } finally {
            lock.unlock();
        }
    }

    /// A container of `replica` is gone (or its removal failed: then `removed` is false), whether it was
    /// stopped, crashed or failed to start; `hostPort` 0 when it never published the handler port.
    void containerRemoved(Replica replica, String containerId, int hostPort, boolean removed) {
        if (!removed) notRemoved.put(containerId, replica.id);
        if (hostPort <= 0) return;
        var base = URI.create("http://127.0.0.1:" + hostPort);
        for (var listener : removalListeners) {
            try {
                listener.accept(base);
            } catch (RuntimeException e) {
                LOG.warn("container-removal listener failed on {}", base, e);
            }
        }
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    Clock clock() { return clock; }

    GpuPlacement gpu() { return gpu; }

    /// The engine refused the GPU under `prefer`: replicas start on CPU from now on; the user is warned once.
    void fallBackToCpu(GpuRefusal refusal) {
        if (gpu.fallBack(refusal.cause())) {
            publish(new RunnerNotice(clock.instant(), RunnerNotice.Level.WARNING, "revision " + template.revision()
                    + ": " + refusal.fellBack(template.gpu().source())));
        }
    }

    /// The engine refused a required GPU: the user is told once, each replica's failure repeats it.
    String requireFailed(GpuRefusal refusal) {
        var message = refusal.required(template.gpu().source());
        if (gpu.firstRequireFailure()) {
            publish(new RunnerNotice(clock.instant(), RunnerNotice.Level.ERROR, "revision " + template.revision()
                    + ": " + message));
        }
        return message;
    }

    private RunnerEvent event(Replica replica, ReplicaState state, String detail) {
        return new ReplicaStateChanged(clock.instant(), replica.id, template.revision(), replica.containerId, state, detail);
    }

    void publish(RunnerEvent event) {
        try {
            events.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("event listener failed on {}", event, e);
        }
    }

    private void release(Replica replica) {
        lock.lock();
        try {
            replica.outstanding--;
        } finally {
            lock.unlock();
        }
    }

    private void reportFailure(Replica replica, String containerId, Throwable cause) {
        lock.lock();
        try {
            // A stale lease (the replica restarted since) or a second report says nothing new.
            if (replica.state != ReplicaState.READY || replica.stopRequested || !replica.containerId.equals(containerId)) return;
            replica.state = ReplicaState.STARTING;
            replica.checkRequested = true;
            changed.signalAll();
            publish(event(replica, ReplicaState.STARTING, "a request failed (" + cause + "); checking the container"));
        } finally {
            lock.unlock();
        }
        replica.wake.release();
    }

    /// A lease; closing it twice releases once.
    private final class SetLease implements Lease {
        private final Replica replica;
        private final String containerId;
        private final URI base;
        private final AtomicBoolean closed = new AtomicBoolean();

        SetLease(Replica replica, String containerId, URI base) {
            this.replica = replica;
            this.containerId = containerId;
            this.base = base;
        }

        @Override public String replicaId() { return replica.id; }

        @Override public URI baseUri() { return base; }

        @Override public void reportFailure(Throwable cause) { ReplicaSet.this.reportFailure(replica, containerId, cause); }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) release(replica);
        }
    }
}
