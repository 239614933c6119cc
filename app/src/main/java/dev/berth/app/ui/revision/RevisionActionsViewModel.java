package dev.berth.app.ui.revision;

import dev.berth.app.ui.DialogService;
import dev.berth.visualizer.revision.RevisionRow;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/// What a user does with the selected revisions: activate an inactive one, deactivate an active one that
/// gets no traffic, restart an active one's replicas, swap the traffic of two active ones, or roll back to
/// the revision that served before. Each is enabled only where the runner accepts it (activate and swap
/// need Multiple mode); deactivate, swap and rollback move or stop traffic, so they ask first. One action
/// runs at a time (they block until replicas are ready); the status line says what it does, then what
/// happened or the runner's reason. FX thread only.
public final class RevisionActionsViewModel {
    private final RevisionAccess access;
    private final DialogService dialogs;
    private final RevisionStatus status;
    private final ObservableList<RevisionRow> rows;
    private final ObservableBooleanValue multiple;
    private final Runnable changed;
    private final ObjectProperty<List<String>> selection = new SimpleObjectProperty<>(this, "selection", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canActivate;
    private final BooleanBinding canDeactivate;
    private final BooleanBinding canRestart;
    private final BooleanBinding canSwap;
    private final BooleanBinding canRollback;

    /// `rows` are the revisions listed; `multiple` whether the app runs in Multiple mode; `changed` reads
    /// the revisions again.
    RevisionActionsViewModel(RevisionAccess access, DialogService dialogs, RevisionStatus status,
                             ObservableList<RevisionRow> rows, ObservableBooleanValue multiple, Runnable changed) {
        this.access = access;
        this.dialogs = dialogs;
        this.status = status;
        this.rows = rows;
        this.multiple = multiple;
        this.changed = changed;
        canActivate = when(() -> multiple.get() && one().map(r -> !r.active()).orElse(false));
        canDeactivate = when(() -> one().map(r -> r.active() && r.weight() == 0).orElse(false));
        canRestart = when(() -> one().map(RevisionRow::active).orElse(false));
        canSwap = when(() -> multiple.get() && selected().size() == 2 && selected().stream().allMatch(RevisionRow::active));
        canRollback = when(() -> rows.stream().anyMatch(earlier()));
    }

    private BooleanBinding when(Supplier<Boolean> rule) {
        Observable[] on = {access.availableProperty(), busy, selection, rows, multiple};
        return Bindings.createBooleanBinding(() -> access.availableProperty().get() && !busy.get() && rule.get(), on);
    }

    /// A revision rollback could go to: not the latest, and not one that never served.
    private static Predicate<RevisionRow> earlier() {
        return r -> !r.latest() && !"Failed".equalsIgnoreCase(r.state());
    }

    private List<RevisionRow> selected() {
        var names = selection.get();
        return rows.stream().filter(r -> names.contains(r.name())).toList();
    }

    private Optional<RevisionRow> one() {
        var chosen = selected();
        return chosen.size() == 1 ? Optional.of(chosen.getFirst()) : Optional.empty();
    }

    public void activate() {
        if (!canActivate.get()) return;
        var name = one().orElseThrow().name();
        run("Activating " + name + ": starting its replicas and waiting for one to be ready…", "Activating " + name,
                control -> control.activate(name), "Activated " + name + ". It gets no traffic until you give it a weight.");
    }

    public void deactivate() {
        if (!canDeactivate.get()) return;
        var name = one().orElseThrow().name();
        if (!dialogs.confirm("Deactivate " + name + "?", "Its replicas drain and stop. You can activate it again later.",
                "Deactivate")) return;
        run("Deactivating " + name + "…", "Deactivating " + name, control -> control.deactivate(name),
                "Deactivated " + name + ".");
    }

    public void restart() {
        if (!canRestart.get()) return;
        var name = one().orElseThrow().name();
        run("Restarting " + name + ": fresh replicas take over once ready…", "Restarting " + name,
                control -> control.restart(name), "Restarted " + name + ": its replicas are fresh.");
    }

    public void swap() {
        if (!canSwap.get()) return;
        var pair = selected();
        var a = pair.get(0);
        var b = pair.get(1);
        if (!dialogs.confirm("Swap " + a.name() + " and " + b.name() + "?", a.name() + " gets " + b.weight() + "% and "
                + b.name() + " gets " + a.weight() + "% of the traffic, with their labels exchanged.", "Swap")) return;
        run("Swapping " + a.name() + " and " + b.name() + "…", "Swapping " + a.name() + " and " + b.name(),
                control -> control.swap(a.name(), b.name()), "Swapped " + a.name() + " and " + b.name() + ".");
    }

    public void rollback() {
        if (!canRollback.get()) return;
        if (!dialogs.confirm("Roll back?", "All traffic goes back to the revision that served before the current"
                + " one (started again if it was stopped).", "Roll back")) return;
        busy.set(true);
        status.info("Rolling back…");
        started(access.call(control -> control.rollback(), target -> finished("Rolled back: " + target
                + " takes all traffic."), failure -> refused("Rolling back", failure)));
    }

    @FunctionalInterface
    private interface Act {
        void run(dev.berth.runner.revision.RevisionControl control) throws Exception;
    }

    private void run(String doing, String what, Act act, String done) {
        busy.set(true);
        status.info(doing);
        started(access.call(control -> {
            act.run(control);
            return done;
        }, this::finished, failure -> refused(what, failure)));
    }

    private void started(boolean started) {
        if (!started) { // the run stopped between the click and the call
            busy.set(false);
            status.clear();
        }
    }

    private void finished(String done) {
        busy.set(false);
        status.info(done);
        changed.run();
    }

    private void refused(String what, Exception failure) {
        busy.set(false);
        status.failed(what, failure);
        changed.run();
    }

    /// The names of the revisions selected in the list (the view keeps it in step).
    public ObjectProperty<List<String>> selectionProperty() { return selection; }

    /// Whether an action is in flight.
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public BooleanBinding canActivateProperty() { return canActivate; }
    public BooleanBinding canDeactivateProperty() { return canDeactivate; }
    public BooleanBinding canRestartProperty() { return canRestart; }
    public BooleanBinding canSwapProperty() { return canSwap; }
    public BooleanBinding canRollbackProperty() { return canRollback; }
}
