package dev.berth.app.ui.run;

import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.visualizer.ReplicaRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The replicas of one run as the views show them, built from state events and refreshed from
/// `RunSession.replicas()` snapshots (which add ports, restarts, outstanding requests and the GPUs each got). Not thread-safe:
/// owned by the view model on the FX thread.
public final class ReplicaBoard {
    private final Map<String, ReplicaRow> rows = new LinkedHashMap<>();

    public void apply(ReplicaStateChanged event) {
        var old = rows.get(event.replicaId());
        Instant started = old == null ? event.at() : old.started();
        Instant ready = event.state() == ReplicaState.READY ? event.at() : old == null ? null : old.ready();
        rows.put(event.replicaId(), new ReplicaRow(event.replicaId(), event.revision(), event.state().name(),
                event.containerId(), started, ready,
                old == null ? 0 : old.hostPort(), old == null ? 0 : old.restarts(),
                old == null ? 0 : old.outstanding(), old == null ? "" : old.device()));
    }

    /// Takes ports, restarts and load from a snapshot; the state stays the one of the newest event,
    /// because a snapshot taken before a batch was delivered may be older than it.
    public void merge(List<ReplicaInfo> snapshot) {
        for (var info : snapshot) {
            var old = rows.get(info.id());
            String state = old == null ? info.state().name() : old.state();
            Instant ready = old != null && old.ready() != null ? old.ready() : info.ready().orElse(null);
            rows.put(info.id(), new ReplicaRow(info.id(), info.revision(), state, info.containerId(),
                    old == null ? info.started() : old.started(), ready, info.hostPort(), info.restarts(),
                    info.outstanding(), info.gpu().describe()));
        }
    }

    public List<ReplicaRow> rows() { return List.copyOf(new ArrayList<>(rows.values())); }

    public int readyCount() {
        return (int) rows.values().stream().filter(r -> r.state().equals(ReplicaState.READY.name())).count();
    }

    /// Replicas that exist or are coming: everything not stopped or failed.
    public int liveCount() {
        return (int) rows.values().stream().filter(r -> !r.state().equals(ReplicaState.STOPPED.name())
                && !r.state().equals(ReplicaState.FAILED.name())).count();
    }

    public void clear() { rows.clear(); }
}
