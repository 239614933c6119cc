package dev.berth.app.ui.scale;

import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.visualizer.scale.GpuHistory;
import dev.berth.visualizer.scale.ScaleHistory;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import dev.berth.visualizer.scale.ScaleMarker;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.ProjectProblem;
import java.util.stream.Collectors;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/// The scale chart's data, per revision, from the run's event batches: replicas ready and alive (from
/// [ReplicaStateChanged]), replicas wanted and a marker per [ScaleDecision], invocations started per second
/// (from [InvocationStarted], by the revision of the replica that took them) and the queue backlog the
/// autoscaler read at each decision, and each replica's GPU samples ([GpuMetrics]) for the GPU chart. Cleared when
/// a run starts. One batch costs one pass over it, however long
/// the run has gone; the chart redraws once per batch that changed something ([#changesProperty]). FX thread
/// only.
public final class ScaleChartViewModel {
    /// States in which a replica no longer counts as one of the revision's replicas.
    private static final Set<ReplicaState> GONE = EnumSet.of(ReplicaState.STOPPING, ReplicaState.STOPPED, ReplicaState.FAILED);
    /// Where requests go whose replica is not known (its first event came before this chart saw it).
    static final String UNKNOWN_REVISION = "(unknown)";
    /// Where containerapp.yaml keeps the scale settings its warnings name.
    private static final String SCALE_FIELDS = "properties.template.scale";

    private final ScaleHistory history = new ScaleHistory();
    private final GpuHistory gpus = new GpuHistory();
    private final ReadOnlyBooleanWrapper showGpus = new ReadOnlyBooleanWrapper(this, "showGpus");
    private boolean appAsksForGpu;
    private final Map<String, String> revisionOf = new HashMap<>();
    private final Map<String, Map<String, ReplicaState>> replicas = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(this, "changes");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    public ScaleChartViewModel(RunViewModel run) {
        run.addBatchListener(this::onEvents);
        run.stateProperty().addListener((o, was, now) -> { if (now == RunState.STARTING) clear(); });
        run.appProperty().addListener((o, was, app) -> warn(app));
    }

    ScaleChartViewModel() {}

    /// One batch of run events, in order.
    public void onEvents(List<RunnerEvent> batch) {
        for (var event : batch) {
            switch (event) {
                case ReplicaStateChanged r -> replica(r);
                case ScaleDecision d -> decision(d);
                case InvocationStarted s -> history.request(revisionOf.getOrDefault(s.replicaId(), UNKNOWN_REVISION), s.at());
                case GpuMetrics m -> gpus.sample(m.revision(), m.replicaId(), m.at(), new GpuHistory.Latest(m.devices(),
                        m.utilisationPercent(), m.memoryUsedMiB(), m.memoryTotalMiB()));
                default -> { }
            }
        }
        changes.set(history.changes() + gpus.changes());
        showGpus.set(appAsksForGpu || !gpus.isEmpty());
    }

    private void replica(ReplicaStateChanged changed) {
        revisionOf.put(changed.replicaId(), changed.revision());
        var states = replicas.computeIfAbsent(changed.revision(), r -> new HashMap<>());
        if (changed.state() == ReplicaState.STOPPED || changed.state() == ReplicaState.FAILED) {
            states.remove(changed.replicaId());
            gpus.stopped(changed.revision(), changed.replicaId(), changed.at());
        }
        else states.put(changed.replicaId(), changed.state());
        int ready = (int) states.values().stream().filter(s -> s == ReplicaState.READY).count();
        int alive = (int) states.values().stream().filter(s -> !GONE.contains(s)).count();
        history.replicas(changed.revision(), changed.at(), ready, alive);
    }

    private void decision(ScaleDecision d) {
        var readings = d.rules().stream().map(ScaleChartViewModel::reading).toList();
        history.decision(d.revision(), new ScaleMarker(d.at(), d.current(), d.desired(), d.winner(), d.reason(), readings));
        var queues = d.rules().stream().filter(r -> r.type().equals("azure-queue")).toList();
        if (!queues.isEmpty()) {
            history.queue(d.revision(), d.at(), queues.stream().mapToDouble(ScaleDecision.RuleReading::metric).sum());
        }
    }

    /// "http-rule (http): 37 / target 10 → 4 replicas", with "(inactive)" for a rule that cannot keep the app up.
    static String reading(ScaleDecision.RuleReading r) {
        return r.rule() + " (" + r.type() + "): " + number(r.metric()) + " / target " + number(r.target()) + " → "
                + r.proposal() + (r.proposal() == 1 ? " replica" : " replicas") + (r.active() ? "" : " (inactive)");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /// The project's scale warnings (e.g. an app that in Azure could never start again), one per line.
    void warn(FunctionApp app) {
        appAsksForGpu = app != null && app.containerApp().gpu().requested();
        showGpus.set(appAsksForGpu || !gpus.isEmpty());
        warning.set(app == null ? "" : app.warnings().stream().filter(w -> w.field().startsWith(SCALE_FIELDS))
                .map(ProjectProblem::describe).collect(Collectors.joining("\n")));
    }

    private void clear() {
        history.clear();
        gpus.clear();
        revisionOf.clear();
        replicas.clear();
        changes.set(history.changes() + gpus.changes());
    }

    /// What the chart draws; read it only on the FX thread.
    public ScaleHistory history() { return history; }

    /// What the GPU chart draws; read it only on the FX thread.
    public GpuHistory gpus() { return gpus; }

    /// Whether the GPU chart is worth its space: the app asks for a GPU, or GPU samples came in.
    public ReadOnlyBooleanProperty showGpusProperty() { return showGpus.getReadOnlyProperty(); }

    /// The scale warnings of the project as the last run loaded it ("" when none).
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }

    /// Moves on whenever the history changed (after a whole batch).
    public ReadOnlyLongProperty changesProperty() { return changes.getReadOnlyProperty(); }
}
