package dev.berth.app.ui.fakes;

import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionControl;
import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionInfo;
import dev.berth.runner.revision.RevisionState;
import dev.berth.runner.revision.TrafficShare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/// In-memory revisions: a list of revisions, their weights and labels, requests "observed" per revision,
/// and every action recorded in `calls` (e.g. "setTraffic {a=80, b=20}"). Refuses what the runner refuses
/// (weights not summing to 100, Single mode, deactivating one with traffic), or throws `failure` once when
/// set. Thread-safe (the UI calls it from its task executor).
public final class FakeRevisions implements RevisionControl {
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile ActiveRevisionsMode mode = ActiveRevisionsMode.MULTIPLE;
    /// Thrown by the next action (then cleared).
    public volatile RevisionException failure;
    private final List<RevisionInfo> revisions = new ArrayList<>();
    private final Map<String, Long> observed = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    /// Adds a revision: `name`, `state`, active or not, and its weight. The last RUNNING one added is the
    /// latest (as the runner's latest is the newest that became ready).
    public synchronized FakeRevisions add(String name, RevisionState state, boolean active, int weight) {
        boolean latest = state == RevisionState.RUNNING;
        if (latest) revisions.replaceAll(r -> with(r, r.active(), false, r.weight(), r.state()));
        revisions.add(new RevisionInfo(name, "berth/hello:" + name, T0.plusSeconds(60L * revisions.size()), state, active,
                latest, weight, List.of(), active ? 1 : 0, active ? 1 : 0));
        return this;
    }

    /// `count` requests served by `revision` in the last minute.
    public synchronized FakeRevisions observed(String revision, long count) {
        observed.put(revision, count);
        return this;
    }

    public synchronized FakeRevisions label(String label, String revision) {
        labels.put(label, revision);
        return this;
    }

    @Override public ActiveRevisionsMode mode() { return mode; }

    @Override public synchronized List<RevisionInfo> revisions() {
        return revisions.stream().map(r -> new RevisionInfo(r.name(), r.image(), r.created(), r.state(), r.active(), r.latest(), r.weight(),
                        labels.entrySet().stream().filter(e -> e.getValue().equals(r.name())).map(Map.Entry::getKey).toList(),
                        r.readyReplicas(), r.replicas())).toList();
    }

    @Override public synchronized List<TrafficShare> traffic() {
        long total = observed.values().stream().mapToLong(Long::longValue).sum();
        return revisions.stream().filter(r -> r.weight() > 0 || observed.getOrDefault(r.name(), 0L) > 0).map(r -> {
            long count = observed.getOrDefault(r.name(), 0L);
            return new TrafficShare(r.name(), r.weight(), List.of(), count, total == 0 ? 0 : 100.0 * count / total);
        }).toList();
    }

    @Override public synchronized Map<String, String> labels() { return Map.copyOf(labels); }

    @Override public synchronized void setTraffic(Map<String, Integer> weights, Map<String, String> newLabels)
            throws RevisionException {
        calls.add("setTraffic " + new java.util.TreeMap<>(weights));
        failIfAsked();
        if (mode != ActiveRevisionsMode.MULTIPLE) {
            throw new RevisionException(RevisionException.Reason.WRONG_STATE, "weights need activeRevisionsMode: Multiple.");
        }
        int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) throw new RevisionException(RevisionException.Reason.INVALID, "the weights sum to " + sum + ", not 100.");
        revisions.replaceAll(r -> with(r, r.active(), r.latest(), weights.getOrDefault(r.name(), 0), r.state()));
    }

    @Override public synchronized void swap(String a, String b) throws RevisionException {
        calls.add("swap " + a + " " + b);
        failIfAsked();
        int wa = find(a).weight();
        int wb = find(b).weight();
        revisions.replaceAll(r -> r.name().equals(a) ? with(r, true, r.latest(), wb, r.state())
                : r.name().equals(b) ? with(r, true, r.latest(), wa, r.state()) : r);
    }

    @Override public synchronized String rollback() throws RevisionException {
        calls.add("rollback");
        failIfAsked();
        var target = revisions.stream().filter(r -> !r.latest() && r.state() != RevisionState.FAILED).reduce((x, y) -> y)
                .orElseThrow(() -> new RevisionException(RevisionException.Reason.WRONG_STATE, "there is no earlier revision."));
        revisions.replaceAll(r -> r.name().equals(target.name()) ? with(r, true, r.latest(), 100, RevisionState.RUNNING)
                : with(r, r.active(), r.latest(), 0, r.state()));
        return target.name();
    }

    @Override public synchronized void activate(String revision) throws RevisionException {
        calls.add("activate " + revision);
        failIfAsked();
        find(revision);
        revisions.replaceAll(r -> r.name().equals(revision) ? with(r, true, r.latest(), 0, RevisionState.RUNNING) : r);
    }

    @Override public synchronized void deactivate(String revision) throws RevisionException {
        calls.add("deactivate " + revision);
        failIfAsked();
        if (find(revision).weight() > 0) {
            throw new RevisionException(RevisionException.Reason.WRONG_STATE, revision + " still gets traffic.");
        }
        revisions.replaceAll(r -> r.name().equals(revision) ? with(r, false, r.latest(), 0, RevisionState.INACTIVE) : r);
    }

    @Override public synchronized void restart(String revision) throws RevisionException {
        calls.add("restart " + revision);
        failIfAsked();
        find(revision);
    }

    @Override public Optional<String> rollout(String reason) {
        calls.add("rollout " + reason);
        return Optional.empty();
    }

    private void failIfAsked() throws RevisionException {
        var thrown = failure;
        if (thrown != null) {
            failure = null;
            throw thrown;
        }
    }

    private RevisionInfo find(String name) throws RevisionException {
        return revisions.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
                new RevisionException(RevisionException.Reason.NOT_FOUND, "no revision " + name + "."));
    }

    private static RevisionInfo with(RevisionInfo r, boolean active, boolean latest, int weight, RevisionState state) {
        int replicas = active ? Math.max(1, r.replicas()) : 0;
        return new RevisionInfo(r.name(), r.image(), r.created(), state, active, latest, weight, r.labels(),
                active ? replicas : 0, replicas);
    }
}
