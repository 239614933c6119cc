package dev.berth.runner.revision;

import java.util.List;
import java.util.Map;

/// What the UI, the CLI (through the admin API) and the file watcher do with a session's revisions.
/// Thread-safe; the actions are serialised and block until done (a rollout or activation waits for a
/// ready replica), so call them off the FX thread. Reads never block on an action.
public interface RevisionControl {
    ActiveRevisionsMode mode();

    /// Every revision of the session, oldest first.
    List<RevisionInfo> revisions();

    /// Each active revision's configured weight beside its observed share over the last minute.
    List<TrafficShare> traffic();

    /// Label → revision, as the ingress routes them (see [RequestLabel] for how a request names one).
    Map<String, String> labels();

    /// Routes by `weights` (revision name, its suffix, or "latest" → percent; must sum to 100, active
    /// revisions only) and, when `labels` is not null, these labels (label → revision or "latest").
    /// Multiple mode only. Requests in flight finish where they are.
    void setTraffic(Map<String, Integer> weights, Map<String, String> labels) throws RevisionException;

    /// Exchanges the weights and labels of two active revisions (blue/green).
    void swap(String a, String b) throws RevisionException;

    /// 100% back to the revision that served before the current one (started again if it was stopped);
    /// returns its name. In Single mode the current one then drains and stops.
    String rollback() throws RevisionException;

    /// Starts an inactive revision's replicas and waits until one is ready (it gets no traffic yet).
    void activate(String revision) throws RevisionException;

    /// Drains and stops a revision that has no traffic.
    void deactivate(String revision) throws RevisionException;

    /// Replaces a revision's replicas with fresh ones: the new ones take over once ready, the old drain.
    void restart(String revision) throws RevisionException;

    /// Rebuilds from the files on disk and rolls out a new revision (what the file watcher does).
    /// Returns the new revision's name, or empty when nothing changed.
    java.util.Optional<String> rollout(String reason) throws RevisionException;
}
