package dev.berth.runner.revision;

import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.ReplicaPool;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/// The ingress's view of all revisions: one [ReplicaPool] that picks, per request, the revision by the
/// request's label ([RequestLabel]) or else by weight ([WeightedPicker]), then a replica of that revision.
///
/// Thread-safe. The pick and the in-flight count of the chosen pool change under one lock, so a pool
/// that was taken out of the traffic table ([#drain]) gets no request after its drain began, and is
/// stopped only once every request it holds (waiting for a replica or being served) has ended. Changing
/// the table never touches requests in flight: they keep the lease they hold.
public final class RevisionRouter implements ReplicaPool {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Map<String, RevisionPool> pools = new LinkedHashMap<>();
    private final Map<RevisionPool, Integer> inFlight = new IdentityHashMap<>();
    private final List<RevisionPool> draining = new ArrayList<>();
    private final List<Consumer<URI>> removalListeners = new CopyOnWriteArrayList<>();
    private final RequestCounter counter;
    private TrafficTable table = new TrafficTable(Map.of(), Map.of());
    private WeightedPicker picker;

    public RevisionRouter(Clock clock) { this.counter = new RequestCounter(clock); }

    /// Makes `pool` the one serving `revision` (not routed until a table gives it weight or a label).
    /// Returns the pool it replaces (a restart), which the caller drains.
    Optional<RevisionPool> put(String revision, RevisionPool pool) {
        removalListeners.forEach(pool::onContainerRemoved);
        lock.lock();
        try {
            return Optional.ofNullable(pools.put(revision, pool));
        } finally {
            lock.unlock();
        }
    }

    /// Routes by `table` (concrete: no [TrafficTable#LATEST]) from the next request on. Every revision
    /// with weight must have a pool.
    void route(TrafficTable table) {
        lock.lock();
        try {
            for (var revision : table.weighted()) {
                if (!pools.containsKey(revision)) throw new IllegalArgumentException("revision " + revision + " is not active");
            }
            this.picker = table.weighted().isEmpty() ? null : new WeightedPicker(table.weights());
            this.table = table;
        } finally {
            lock.unlock();
        }
    }

    TrafficTable table() {
        lock.lock();
        try {
            return table;
        } finally {
            lock.unlock();
        }
    }

    /// Takes `revision` out of routing (the table must not route to it any more) and returns its pool.
    /// The pool serving `revision`, when it is active.
    public Optional<RevisionPool> pool(String revision) {
        lock.lock();
        try {
            return Optional.ofNullable(pools.get(revision));
        } finally {
            lock.unlock();
        }
    }

    Optional<RevisionPool> remove(String revision) {
        lock.lock();
        try {
            if (table.weightOf(revision) > 0) throw new IllegalStateException(revision + " still has traffic");
            return Optional.ofNullable(pools.remove(revision));
        } finally {
            lock.unlock();
        }
    }

    /// Waits until no request holds or waits on `pool` (up to `patience`), then stops it. The pool must
    /// no longer be routed to ([#remove] or [#put] of a successor). Returns what `stop` left behind, plus
    /// a note when requests were still in flight at the deadline.
    List<String> drain(RevisionPool pool, Duration patience) {
        long nanos = patience.toNanos();
        var left = new ArrayList<String>();
        lock.lock();
        try {
            draining.add(pool);
            while (inFlight.getOrDefault(pool, 0) > 0 && nanos > 0) nanos = released.awaitNanos(nanos);
            int still = inFlight.getOrDefault(pool, 0);
            if (still > 0) left.add(still + " request(s) still in flight after " + patience.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left.add("interrupted while draining");
        } finally {
            lock.unlock();
        }
        left.addAll(pool.stop());
        lock.lock();
        try {
            draining.remove(pool);
        } finally {
            lock.unlock();
        }
        return left;
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) throws InterruptedException {
        String revision;
        RevisionPool pool;
        lock.lock();
        try {
            revision = choose();
            pool = revision == null ? null : pools.get(revision);
            if (pool == null) return Optional.empty();
            inFlight.merge(pool, 1, Integer::sum);
        } finally {
            lock.unlock();
        }
        Optional<Lease> lease = Optional.empty();
        try {
            lease = pool.acquire(timeout);
        } finally {
            if (lease.isEmpty()) release(pool);
        }
        if (lease.isEmpty()) return Optional.empty();
        counter.record(revision);
        return Optional.of(new RoutedLease(lease.get(), pool));
    }

    /// Caller holds the lock. A label naming an active revision wins; otherwise the weights decide.
    private String choose() {
        var label = RequestLabel.current();
        if (label.isPresent()) {
            var target = table.labels().get(label.get());
            if (target != null && pools.containsKey(target)) return target;
        }
        return picker == null ? null : picker.pick();
    }

    private void release(RevisionPool pool) {
        lock.lock();
        try {
            inFlight.merge(pool, -1, Integer::sum);
            if (inFlight.get(pool) <= 0) inFlight.remove(pool);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /// Every replica of every revision, the draining ones included.
    @Override
    public List<ReplicaInfo> replicas() {
        List<RevisionPool> all;
        lock.lock();
        try {
            all = new ArrayList<>(pools.values());
            draining.stream().filter(p -> !all.contains(p)).forEach(all::add);
        } finally {
            lock.unlock();
        }
        return all.stream().flatMap(p -> p.replicas().stream()).toList();
    }

    /// The replicas of `revision`'s current pool; empty when it has none.
    List<ReplicaInfo> replicasOf(String revision) {
        RevisionPool pool;
        lock.lock();
        try {
            pool = pools.get(revision);
        } finally {
            lock.unlock();
        }
        return pool == null ? List.of() : pool.replicas();
    }

    boolean isActive(String revision) {
        lock.lock();
        try {
            return pools.containsKey(revision);
        } finally {
            lock.unlock();
        }
    }

    /// Revision → requests routed to it in the last minute.
    Map<String, Long> observedLastMinute() { return counter.lastMinute(); }

    @Override
    public void onContainerRemoved(Consumer<URI> listener) {
        removalListeners.add(listener);
        lock.lock();
        try {
            pools.values().forEach(p -> p.onContainerRemoved(listener));
        } finally {
            lock.unlock();
        }
    }

    /// Stops every pool at once (session end; requests in flight were ended by the ingress first).
    List<String> stopAll() {
        List<RevisionPool> all;
        lock.lock();
        try {
            all = new ArrayList<>(pools.values());
            pools.clear();
            picker = null;
            table = new TrafficTable(Map.of(), Map.of());
        } finally {
            lock.unlock();
        }
        return all.parallelStream().flatMap(p -> p.stop().stream()).toList();
    }

    private final class RoutedLease implements Lease {
        private final Lease lease;
        private final RevisionPool pool;
        private final AtomicBoolean closed = new AtomicBoolean();

        RoutedLease(Lease lease, RevisionPool pool) {
            this.lease = lease;
            this.pool = pool;
        }

        @Override public String replicaId() { return lease.replicaId(); }

        @Override public URI baseUri() { return lease.baseUri(); }

        @Override public void reportFailure(Throwable cause) { lease.reportFailure(cause); }

        @Override
        public void close() {
            lease.close();
            if (closed.compareAndSet(false, true)) release(pool);
        }
    }
}
