package dev.berth.app.ui.revision;

import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.TrafficShare;
import dev.berth.visualizer.revision.TrafficBar;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/// The traffic view: each active revision's configured weight beside its observed share over the last
/// minute (bars), the weights as the user edits them, and the labels with their URLs. Edits must add up to
/// 100 % — `sum` and `problem` say where they stand, and `canApply` stays false until they do (and something
/// changed). Apply sends them with `setTraffic` in the background. Weights need `activeRevisionsMode:
/// Multiple`; in Single mode `editable` is false and `modeNote` says how to switch. A refresh moves the bars
/// and the weights the user has not touched; edited ones stay until applied or reset. FX thread only.
public final class TrafficViewModel {
    static final String SINGLE_MODE_NOTE = "Single revision mode: the newest healthy revision takes all traffic. To split"
            + " traffic between revisions, set properties.configuration.activeRevisionsMode: Multiple in"
            + " containerapp.yaml (the next rollout picks it up).";

    private final RevisionAccess access;
    private final RevisionStatus status;
    private final Runnable changed;
    private final BooleanSupplier busy;
    private final ObservableList<TrafficBar> bars = FXCollections.observableArrayList();
    private final ObservableList<WeightEdit> weights = FXCollections.observableArrayList();
    private final ObservableList<LabelUrl> labels = FXCollections.observableArrayList();
    private final ObservableList<TrafficBar> barsView = FXCollections.unmodifiableObservableList(bars);
    private final ObservableList<WeightEdit> weightsView = FXCollections.unmodifiableObservableList(weights);
    private final ObservableList<LabelUrl> labelsView = FXCollections.unmodifiableObservableList(labels);
    private final ReadOnlyIntegerWrapper sum = new ReadOnlyIntegerWrapper(this, "sum");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private final ReadOnlyBooleanWrapper multiple = new ReadOnlyBooleanWrapper(this, "multiple");
    private final ReadOnlyStringWrapper modeNote = new ReadOnlyStringWrapper(this, "modeNote", "");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final BooleanBinding editable;
    private final BooleanBinding canApply;
    private final InvalidationListener recount = o -> recount();

    /// `changed` reads the revisions again; `busy` tells whether another revision action is in flight.
    TrafficViewModel(RevisionAccess access, RevisionStatus status, Runnable changed, BooleanSupplier busy) {
        this.access = access;
        this.status = status;
        this.changed = changed;
        this.busy = busy;
        editable = Bindings.createBooleanBinding(() -> access.availableProperty().get() && multiple.get() && !applying.get(),
                access.availableProperty(), multiple, applying);
        canApply = Bindings.createBooleanBinding(() -> editable.get() && edited.get() && problem.get().isEmpty(),
                editable, edited, problem);
    }

    /// Shows `snapshot`; label URLs are for app `app` behind the ingress at `ingress`.
    void show(RevisionSnapshot snapshot, String app, URI ingress) {
        multiple.set(snapshot.mode() == ActiveRevisionsMode.MULTIPLE);
        modeNote.set(multiple.get() ? "" : SINGLE_MODE_NOTE);
        var active = snapshot.activeNames();
        var configured = new LinkedHashMap<String, Integer>();
        snapshot.revisions().forEach(r -> { if (r.active()) configured.put(r.name(), r.weight()); });
        bars.setAll(bars(snapshot.traffic(), active));
        syncWeights(configured);
        labels.setAll(snapshot.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> LabelUrl.of(e.getKey(), e.getValue(), app, ingress)).toList());
        recount();
    }

    /// Nothing to show (no run).
    void clear() {
        bars.clear();
        weights.forEach(w -> w.weightProperty().removeListener(recount));
        weights.clear();
        labels.clear();
        multiple.set(false);
        modeNote.set("");
        recount();
    }

    /// Every revision the traffic table names or that served in the last minute, plus active ones with 0 %
    /// (just activated: they belong on the chart, at zero).
    private static List<TrafficBar> bars(List<TrafficShare> traffic, List<String> active) {
        var result = new ArrayList<TrafficBar>();
        var named = new HashSet<String>();
        for (var share : traffic) {
            result.add(new TrafficBar(share.revision(), share.weight(), share.observedPercent(), share.requestsLastMinute()));
            named.add(share.revision());
        }
        active.stream().filter(name -> !named.contains(name)).forEach(name -> result.add(new TrafficBar(name, 0, 0, 0)));
        return result;
    }

    private void syncWeights(Map<String, Integer> configured) {
        var current = weights.stream().map(WeightEdit::revision).toList();
        if (current.equals(List.copyOf(configured.keySet()))) {
            weights.forEach(w -> w.configured(configured.get(w.revision())));
            return;
        }
        weights.forEach(w -> w.weightProperty().removeListener(recount));
        var kept = new LinkedHashMap<String, WeightEdit>();
        weights.forEach(w -> kept.put(w.revision(), w));
        var next = new ArrayList<WeightEdit>();
        configured.forEach((name, weight) -> {
            var edit = kept.containsKey(name) ? kept.get(name) : new WeightEdit(name, weight);
            edit.configured(weight);
            edit.weightProperty().addListener(recount);
            next.add(edit);
        });
        weights.setAll(next);
    }

    private void recount() {
        int total = weights.stream().mapToInt(w -> w.weightProperty().get()).sum();
        sum.set(total);
        edited.set(weights.stream().anyMatch(WeightEdit::edited));
        problem.set(problemOf(total));
    }

    private String problemOf(int total) {
        if (weights.isEmpty()) return multiple.get() ? "No revision is active, so there is nothing to weigh." : "";
        if (total == 100) return "";
        int off = Math.abs(100 - total);
        return "The weights add up to " + total + "%; they must add up to 100%. "
                + (total < 100 ? "Give " + off + "% more" : "Take " + off + "% away") + " to apply.";
    }

    /// Sends the edited weights (revision → percent); labels stay as they are.
    public void apply() {
        if (!canApply.get() || busy.getAsBoolean()) return;
        var chosen = new LinkedHashMap<String, Integer>();
        weights.forEach(w -> chosen.put(w.revision(), w.weightProperty().get()));
        applying.set(true);
        status.info("Applying weights " + describe(chosen) + "…");
        access.call(control -> {
            control.setTraffic(chosen, null);
            return chosen;
        }, done -> {
            applying.set(false);
            status.info("Traffic now routes " + describe(done) + ".");
            changed.run();
        }, failure -> {
            applying.set(false);
            status.failed("Setting the weights", failure);
            changed.run();
        });
    }

    /// Drops the edits: every weight back to what the ingress routes by now.
    public void reset() {
        weights.forEach(WeightEdit::reset);
    }

    static String describe(Map<String, Integer> weights) {
        var parts = new ArrayList<String>();
        weights.forEach((name, weight) -> parts.add(name + " " + weight + "%"));
        return String.join(", ", parts);
    }

    public ObservableList<TrafficBar> bars() { return barsView; }

    /// One per active revision, oldest first.
    public ObservableList<WeightEdit> weights() { return weightsView; }

    public ObservableList<LabelUrl> labels() { return labelsView; }

    /// The edited weights' total.
    public ReadOnlyIntegerProperty sumProperty() { return sum.getReadOnlyProperty(); }

    /// Why the edits cannot be applied ("" when they can).
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /// Whether any weight differs from the configured one.
    public ReadOnlyBooleanProperty editedProperty() { return edited.getReadOnlyProperty(); }

    public BooleanBinding editableProperty() { return editable; }

    public BooleanBinding canApplyProperty() { return canApply; }

    /// In Single mode, how to get weights; "" otherwise.
    public ReadOnlyStringProperty modeNoteProperty() { return modeNote.getReadOnlyProperty(); }
}
