package dev.berth.runner.revision;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RevisionChanged;
import dev.berth.runner.event.RevisionChanged.Change;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.event.TrafficChanged;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.replica.ReplicaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/// A session's revisions: creates them from the project on disk, moves traffic between them and stops
/// the ones that no longer serve, as Container Apps does. A rollout: build → start replicas → wait until
/// one is ready → route (Single: 100% to it) → drain and stop the old one (Single). A revision that fails to
/// build or start never gets traffic; the one serving keeps serving.
///
/// Thread-safe. Actions hold one lock for their whole length (serialised, in call order); the revision
/// list is a copy-on-write list of immutable records, so reads never wait for an action.
public final class RevisionManager implements RevisionControl, AutoCloseable {
    private final RevisionSource source;
    private final RevisionPool.Factory pools;
    private final RevisionRouter router;
    private final EventListener events;
    private final Clock clock;
    private final Settings settings;
    private final ReentrantLock actions = new ReentrantLock();
    private final CopyOnWriteArrayList<Revision> revisions = new CopyOnWriteArrayList<>();
    /// Revisions that were primary (most traffic), oldest first: what rollback goes back to.
    private final List<String> primaries = new ArrayList<>();
    private volatile RevisionConfig config;
    /// What the user asked for (may say "latest"); resolved against the active revisions on each route.
    private TrafficTable desired;
    private volatile String latest = "";
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicReference<ProjectWatcher> watcher = new java.util.concurrent.atomic.AtomicReference<>();

    /// `readyDeadline`: how long a new revision may take to get a ready replica; `drainPatience`: how long
    /// requests in flight may keep an old revision up; `poll`/`pause`: how readiness is waited for.
    public record Settings(Duration readyDeadline, Duration drainPatience, Duration poll, Pause pause) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofMillis(25),
                    duration -> Thread.sleep(duration));
        }
    }

    /// Waits between readiness checks; tests advance a fake clock instead.
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /// One revision: immutable; replaced in the list when its state changes.
    record Revision(String name, String contentHash, ReplicaTemplate template, Instant created, RevisionState state) {
        Revision with(RevisionState next) { return new Revision(name, contentHash, template, created, next); }
    }

    public RevisionManager(RevisionSource source, RevisionPool.Factory pools, RevisionRouter router,
                           EventListener events, Clock clock, Settings settings) {
        this.source = source;
        this.pools = pools;
        this.router = router;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /// The ingress's pool over every revision.
    public RevisionRouter router() { return router; }

    /// The newest revision that became ready (the one a rollout moves traffic to); "" before the first.
    public String latestRevision() { return latest; }

    /// The first revision: built and routed at once (requests wait for its first replica, as they always
    /// did at start). Returns its name.
    public String start(RevisionConfig initial) throws RevisionException, ProjectException {
        actions.lock();
        try {
            config = initial;
            desired = initial.table();
            var snapshot = source.read();
            config = snapshot.config();
            desired = config.table();
            var revision = create(snapshot);
            latest = revision.name();
            route(revision.name(), "first revision");
            Thread.ofVirtual().name("revision-ready-" + revision.name()).start(() -> announceReady(revision));
            return revision.name();
        } finally {
            actions.unlock();
        }
    }

    private void announceReady(Revision revision) {
        try {
            if (awaitReady(revision.name())) markRunning(revision.name(), "a replica is ready");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> rollout(String reason) throws RevisionException {
        actions.lock();
        try {
            if (closed) return Optional.empty();
            RevisionSource.Snapshot snapshot;
            try {
                snapshot = source.read();
            } catch (ProjectException e) {
                throw failed("the project has problems; the current revision keeps serving:\n" + e.getMessage(), e);
            }
            var current = find(latest);
            if (current.isPresent() && current.get().contentHash().equals(snapshot.contentHash())) return Optional.empty();
            var previousConfig = config;
            config = snapshot.config();
            if (!config.table().equals(previousConfig.table())) desired = config.table();
            var revision = create(snapshot);
            notice(RunnerNotice.Level.INFO, "rolling out " + revision.name() + " (" + reason + ")");
            if (!awaitReady(revision.name())) {
                abandon(revision, "no replica became ready within " + settings.readyDeadline().toSeconds() + " s");
                throw failed("revision " + revision.name() + " did not become ready within "
                        + settings.readyDeadline().toSeconds() + " s; " + latest + " keeps serving. Fix: see the"
                        + " replica's log (a crash or a failing readiness probe), save again to retry.", null);
            }
            markRunning(revision.name(), "ready; taking traffic");
            latest = revision.name();
            route(revision.name(), "rollout of " + revision.name());
            if (config.mode() == ActiveRevisionsMode.SINGLE) retireAllBut(revision.name());
            return Optional.of(revision.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted during the rollout", e);
        } finally {
            actions.unlock();
        }
    }

    /// Builds and starts a revision from `snapshot`; it gets no traffic yet.
    private Revision create(RevisionSource.Snapshot snapshot) throws RevisionException {
        var name = RevisionNames.next(source.app(), snapshot, names());
        publish(new RevisionChanged(clock.instant(), name, Change.CREATED, "building the image"));
        ReplicaTemplate template;
        try {
            template = source.build(name);
        } catch (RevisionException | ProjectException e) {
            revisions.add(new Revision(name, snapshot.contentHash(), null, clock.instant(), RevisionState.FAILED));
            publish(new RevisionChanged(clock.instant(), name, Change.FAILED, e.getMessage()));
            throw e instanceof RevisionException r ? r : failed(e.getMessage(), e);
        }
        var revision = new Revision(name, snapshot.contentHash(), template, clock.instant(), RevisionState.PROVISIONING);
        revisions.add(revision);
        startPool(revision);
        return revision;
    }

    private void startPool(Revision revision) {
        var pool = pools.create(revision.template());
        pool.scaleTo(source.initialReplicas());
        router.put(revision.name(), pool).ifPresent(old -> router.drain(old, settings.drainPatience()));
        if (closed) router.stopAll(); // the session stopped while this revision was being built
    }

    private boolean awaitReady(String revision) throws InterruptedException {
        return RevisionReadiness.await(() -> router.replicasOf(revision), () -> router.isActive(revision), clock, settings);
    }

    private void abandon(Revision revision, String why) {
        router.remove(revision.name()).ifPresent(pool -> router.drain(pool, Duration.ZERO));
        replace(revision.name(), RevisionState.FAILED);
        publish(new RevisionChanged(clock.instant(), revision.name(), Change.FAILED, why));
    }

    private void markRunning(String name, String detail) {
        replace(name, RevisionState.RUNNING);
        publish(new RevisionChanged(clock.instant(), name, Change.READY, detail));
    }

    /// Single mode: everything but `keep` drains and stops.
    private void retireAllBut(String keep) {
        for (var revision : revisions) {
            if (revision.name().equals(keep) || !router.isActive(revision.name())) continue;
            stopRevision(revision.name(), Change.RETIRED, "drained and stopped; " + keep + " serves now");
        }
    }

    private void stopRevision(String name, Change change, String detail) {
        router.remove(name).ifPresent(pool -> {
            var left = router.drain(pool, settings.drainPatience());
            if (!left.isEmpty()) notice(RunnerNotice.Level.WARNING, name + " stopped with: " + String.join("; ", left));
        });
        replace(name, RevisionState.INACTIVE);
        publish(new RevisionChanged(clock.instant(), name, change, detail));
    }

    /// Routes by the desired table (Single: all to `primary`), moving weight meant for revisions that are
    /// not active to the latest one, with a warning.
    private void route(String primary, String reason) {
        var table = config.mode() == ActiveRevisionsMode.SINGLE
                ? new TrafficTable(Map.of(primary, 100), desired.resolve(primary).labels())
                : fit(desired.resolve(latest.isEmpty() ? primary : latest));
        router.route(table);
        var top = table.weights().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        top.filter(t -> primaries.isEmpty() || !primaries.getLast().equals(t)).ifPresent(primaries::add);
        publish(new TrafficChanged(clock.instant(), table.weights(), table.labels(), reason));
    }

    private TrafficTable fit(TrafficTable concrete) {
        var weights = new java.util.LinkedHashMap<String, Integer>();
        concrete.weights().forEach((revision, weight) -> {
            if (router.isActive(revision)) weights.merge(revision, weight, Integer::sum);
            else {
                if (weight > 0) notice(RunnerNotice.Level.WARNING, "traffic names revision " + revision + ", which"
                        + " this session does not run; its " + weight + "% goes to " + latest + ". Fix: name a revision"
                        + " from `berth revision list` in containerapp.yaml's properties.configuration.ingress.traffic.");
                weights.merge(latest, weight, Integer::sum);
            }
        });
        return new TrafficTable(weights, concrete.labels());
    }

    // ---- actions on request ----

    @Override
    public void setTraffic(Map<String, Integer> weights, Map<String, String> labels) throws RevisionException {
        actions.lock();
        try {
            requireMultiple("set traffic weights");
            var active = activeNames();
            var table = TrafficEdits.table(source.app(), weights, labels == null ? desired.labels() : labels, active);
            desired = table;
            route(latest, "traffic set: " + table.weights());
        } finally {
            actions.unlock();
        }
    }

    @Override
    public void swap(String a, String b) throws RevisionException {
        actions.lock();
        try {
            requireMultiple("swap revisions");
            var active = activeNames();
            var first = TrafficEdits.target(source.app(), a, active);
            var second = TrafficEdits.target(source.app(), b, active);
            desired = router.table().swap(resolveLatest(first), resolveLatest(second));
            route(latest, "swapped " + first + " and " + second);
        } finally {
            actions.unlock();
        }
    }

    @Override
    public String rollback() throws RevisionException {
        actions.lock();
        try {
            var target = RevisionNames.rollbackTarget(primaries, names(), router.table(), this::isRollbackable)
                    .orElseThrow(() -> new RevisionException(RevisionException.Reason.WRONG_STATE, "there is no earlier"
                            + " revision to roll back to. Fix: roll back after a second revision has served."));
            if (!router.isActive(target)) startAndAwait(target, Change.ACTIVATED, "activated for the rollback");
            desired = TrafficTable.all(target).withLabels(desired.labels());
            if (config.mode() == ActiveRevisionsMode.SINGLE) {
                latest = target;
                route(target, "rollback to " + target);
                retireAllBut(target);
            } else {
                route(latest, "rollback to " + target);
            }
            return target;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted during the rollback", e);
        } finally {
            actions.unlock();
        }
    }

    private boolean isRollbackable(String name) {
        return find(name).map(r -> r.template() != null && r.state() != RevisionState.FAILED).orElse(false);
    }

    @Override
    public void activate(String name) throws RevisionException {
        actions.lock();
        try {
            var revision = known(name);
            if (router.isActive(revision.name())) return;
            requireMultiple("activate a second revision");
            if (revision.template() == null) throw wrongState(revision.name() + " failed to build; it cannot run.");
            startAndAwait(revision.name(), Change.ACTIVATED, "active; no traffic until you give it some");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while activating " + name, e);
        } finally {
            actions.unlock();
        }
    }

    private void startAndAwait(String name, Change change, String detail) throws RevisionException, InterruptedException {
        var revision = find(name).orElseThrow();
        startPool(revision);
        if (!awaitReady(name)) {
            abandon(revision, "no replica became ready within " + settings.readyDeadline().toSeconds() + " s");
            throw failed(name + " did not become ready. Fix: see its replicas' log.", null);
        }
        replace(name, RevisionState.RUNNING);
        publish(new RevisionChanged(clock.instant(), name, change, detail));
    }

    @Override
    public void deactivate(String name) throws RevisionException {
        actions.lock();
        try {
            var revision = known(name);
            if (!router.isActive(revision.name())) return;
            int weight = router.table().weightOf(revision.name());
            if (weight > 0) {
                throw wrongState(revision.name() + " still gets " + weight + "% of the traffic. Fix: move it first, e.g."
                        + " `berth traffic set <dir> " + otherActive(revision.name()) + "=100`.");
            }
            stopRevision(revision.name(), Change.DEACTIVATED, "deactivated");
        } finally {
            actions.unlock();
        }
    }

    @Override
    public void restart(String name) throws RevisionException {
        actions.lock();
        try {
            var revision = known(name);
            if (!router.isActive(revision.name())) throw wrongState(revision.name() + " is not active. Fix: activate it.");
            var fresh = pools.create(revision.template());
            fresh.scaleTo(Math.max(source.initialReplicas(), 1));
            // The new replicas are not routed to until one is ready: the old keep serving meanwhile.
            if (!RevisionReadiness.await(fresh, clock, settings)) {
                fresh.stop();
                throw failed("the fresh replicas of " + revision.name() + " did not become ready; the old ones"
                        + " keep serving. Fix: see the replicas' log.", null);
            }
            router.put(revision.name(), fresh).ifPresent(old -> router.drain(old, settings.drainPatience()));
            publish(new RevisionChanged(clock.instant(), revision.name(), Change.RESTARTED, "replicas replaced"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while restarting " + name, e);
        } finally {
            actions.unlock();
        }
    }

    // ---- reads ----

    @Override public ActiveRevisionsMode mode() { return config == null ? ActiveRevisionsMode.SINGLE : config.mode(); }

    @Override
    public List<RevisionInfo> revisions() {
        var table = router.table();
        return revisions.stream().map(r -> {
            var replicas = router.replicasOf(r.name());
            int ready = (int) replicas.stream().filter(x -> x.state() == ReplicaState.READY).count();
            var labels = table.labels().entrySet().stream().filter(e -> e.getValue().equals(r.name())).map(Map.Entry::getKey).toList();
            var image = r.template() == null ? "" : r.template().image();
            return new RevisionInfo(r.name(), image, r.created(), r.state(), router.isActive(r.name()),
                    r.name().equals(latest), table.weightOf(r.name()), labels, ready, replicas.size());
        }).toList();
    }

    @Override
    public List<TrafficShare> traffic() {
        var table = router.table();
        var observed = router.observedLastMinute();
        long total = observed.values().stream().mapToLong(Long::longValue).sum();
        var shown = new java.util.LinkedHashSet<>(table.weights().keySet());
        observed.forEach((revision, count) -> { if (count > 0) shown.add(revision); });
        return shown.stream().map(revision -> {
            long count = observed.getOrDefault(revision, 0L);
            var labels = table.labels().entrySet().stream().filter(e -> e.getValue().equals(revision)).map(Map.Entry::getKey).toList();
            return new TrafficShare(revision, table.weightOf(revision), labels, count, total == 0 ? 0 : 100.0 * count / total);
        }).toList();
    }

    @Override public Map<String, String> labels() { return router.table().labels(); }

    /// Rolls out a new revision whenever files of `projectDir` change (debounced); a failed rollout is
    /// reported as an ERROR notice and the serving revision stays.
    public void watch(java.nio.file.Path projectDir, Duration debounce) throws java.io.IOException {
        var started = ProjectWatcher.start(projectDir, debounce, changed -> {
            try {
                rollout("changed " + changed.toString().replace('\\', '/'));
            } catch (RevisionException e) {
                notice(RunnerNotice.Level.ERROR, e.getMessage());
            }
        });
        watcher.getAndSet(started);
    }

    /// Stops the project watcher (no new rollouts); the revisions keep serving.
    public void stopWatching() {
        var current = watcher.getAndSet(null);
        if (current != null) current.close();
    }

    /// Stops every revision's replicas; names what may have been left behind.
    /// Does not wait for an action in progress: a rollout waiting for readiness sees its pool gone and ends.
    public List<String> stop() {
        stopWatching();
        closed = true;
        return router.stopAll();
    }

    @Override public void close() { stop(); }

    // ---- helpers ----

    private List<String> names() { return revisions.stream().map(Revision::name).toList(); }

    private List<String> activeNames() { return names().stream().filter(router::isActive).toList(); }

    private Optional<Revision> find(String name) {
        return revisions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private Revision known(String name) throws RevisionException {
        var full = TrafficEdits.find(source.app(), name, names()).filter(n -> !TrafficTable.LATEST.equals(n));
        var resolved = TrafficTable.LATEST.equals(name) ? Optional.of(latest) : full;
        return resolved.flatMap(this::find).orElseThrow(() -> new RevisionException(RevisionException.Reason.NOT_FOUND,
                "no revision \"" + name + "\". Fix: use one of " + String.join(", ", names()) + " (or its suffix)."));
    }

    private String resolveLatest(String target) { return TrafficTable.LATEST.equals(target) ? latest : target; }

    private String otherActive(String name) {
        return activeNames().stream().filter(n -> !n.equals(name)).findFirst().orElse(TrafficTable.LATEST);
    }

    private void replace(String name, RevisionState state) {
        revisions.replaceAll(r -> r.name().equals(name) ? r.with(state) : r);
    }

    private void requireMultiple(String what) throws RevisionException {
        if (config.mode() == ActiveRevisionsMode.SINGLE) {
            throw wrongState("cannot " + what + ": activeRevisionsMode is Single, so the latest revision takes all"
                    + " traffic. Fix: set properties.configuration.activeRevisionsMode: Multiple in containerapp.yaml.");
        }
    }

    private static RevisionException wrongState(String message) {
        return new RevisionException(RevisionException.Reason.WRONG_STATE, message);
    }

    private static RevisionException failed(String message, Throwable cause) {
        return new RevisionException(RevisionException.Reason.FAILED, message, cause);
    }

    private void notice(RunnerNotice.Level level, String text) { publish(new RunnerNotice(clock.instant(), level, text)); }

    private void publish(dev.berth.runner.event.RunnerEvent event) {
        try {
            events.onEvent(event);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RevisionManager.class).warn("event listener failed on {}", event, e);
        }
    }
}
