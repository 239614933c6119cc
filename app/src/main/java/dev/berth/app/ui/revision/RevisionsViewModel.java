package dev.berth.app.ui.revision;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.fx.Ticker;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.event.RevisionChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.TrafficChanged;
import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionInfo;
import dev.berth.runner.session.RunSession;
import dev.berth.visualizer.revision.RevisionRow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/// The Revisions tab of a project: the revisions list with its actions and the traffic view, over the
/// running session's [dev.berth.runner.revision.RevisionControl]. Follows the run: while it runs the tab
/// reads the revisions when shown, every couple of seconds while shown, and after each batch of run events
/// with a [RevisionChanged] or [TrafficChanged] (one read at a time); otherwise it is empty and says why.
/// FX thread only.
public final class RevisionsViewModel {
    static final String NOT_RUNNING = "Run the project to see its revisions and traffic.";

    private final RunViewModel run;
    private final RevisionAccess access;
    private final RevisionStatus status = new RevisionStatus();
    private final ObservableList<RevisionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RevisionRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper multiple = new ReadOnlyBooleanWrapper(this, "multiple");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode", "");
    private final SnapshotReader reader;
    private final TrafficViewModel traffic;
    private final RevisionActionsViewModel actions;
    private String app = "app";
    private URI ingress = URI.create("http://127.0.0.1:7071");

    public RevisionsViewModel(RunViewModel run, TaskExecutor tasks, DialogService dialogs, Ticker ticker) {
        this.run = run;
        access = new RevisionAccess(tasks);
        reader = new SnapshotReader(access, ticker, this::show, this::readFailed);
        actions = new RevisionActionsViewModel(access, dialogs, status, rows, multiple, reader::request);
        traffic = new TrafficViewModel(access, status, reader::request, () -> actions.busyProperty().get());
        access.none(NOT_RUNNING);
        run.stateProperty().addListener((o, was, now) -> follow(now));
        run.addBatchListener(this::onEvents);
        follow(run.stateProperty().get());
    }

    private void follow(RunState state) {
        reader.reset();
        show(RevisionSnapshot.EMPTY);
        status.clear();
        switch (state) {
            case RUNNING -> run.runningSession().ifPresentOrElse(this::connect, () -> access.none(NOT_RUNNING));
            case STARTING -> access.none("The project is starting; its revisions show once it runs.");
            case STOPPING -> access.none("The run is stopping.");
            case IDLE, FAILED -> access.none(NOT_RUNNING);
        }
    }

    private void connect(RunSession session) {
        try {
            var control = session.revisions();
            app = session.app().containerApp().name();
            ingress = session.ingressUri();
            access.use(control);
        } catch (RuntimeException e) {
            access.none("This run does not manage revisions: " + e.getMessage() + ".");
            return;
        }
        reader.request();
    }

    /// Shown: read now and every couple of seconds; hidden: only on revision and traffic events.
    public void setShowing(boolean showing) {
        reader.setShowing(showing);
    }

    /// Reads the revisions again.
    public void refresh() {
        reader.request();
    }

    /// One batch of run events.
    public void onEvents(List<RunnerEvent> batch) {
        if (batch.stream().anyMatch(e -> e instanceof RevisionChanged || e instanceof TrafficChanged)) reader.request();
    }

    private void show(RevisionSnapshot snapshot) {
        multiple.set(snapshot.mode() == ActiveRevisionsMode.MULTIPLE);
        mode.set(snapshot == RevisionSnapshot.EMPTY ? "" : "activeRevisionsMode: " + snapshot.mode().azureName());
        var next = snapshot.revisions().stream().map(RevisionsViewModel::row).toList();
        if (!next.equals(rows)) rows.setAll(next);
        if (snapshot == RevisionSnapshot.EMPTY) traffic.clear();
        else traffic.show(snapshot, app, ingress);
    }

    private void readFailed(Exception failure) {
        status.failed("Reading the revisions", failure);
    }

    static RevisionRow row(RevisionInfo info) {
        var state = info.state().name();
        var shown = state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT);
        return new RevisionRow(info.name(), shown, info.active(), info.latest(), info.readyReplicas(), info.replicas(),
                info.created(), info.image(), info.weight(), info.labels());
    }

    /// The revisions, oldest first.
    public ObservableList<RevisionRow> rows() { return rowsView; }

    public TrafficViewModel traffic() { return traffic; }

    public RevisionActionsViewModel actions() { return actions; }

    public RevisionAccess access() { return access; }

    public RevisionStatus status() { return status; }

    /// Whether the app runs in Multiple mode (weights, activate and swap need it).
    public ReadOnlyBooleanProperty multipleProperty() { return multiple.getReadOnlyProperty(); }

    /// e.g. "activeRevisionsMode: Multiple"; "" while there is nothing to show.
    public ReadOnlyStringProperty modeProperty() { return mode.getReadOnlyProperty(); }
}
