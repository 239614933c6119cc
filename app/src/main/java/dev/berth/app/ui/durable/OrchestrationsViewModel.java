package dev.berth.app.ui.durable;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.RunSession;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;

/// The Orchestrations tab of a project: the instance list, the open instance and the actions, over the
/// running session's durable backend ([RunSession#durable()]). Follows the run: while it runs the tab works on
/// its backend, otherwise it is empty and says why. Live: each batch of run events with an
/// [OrchestrationChanged] reads the list again and, when the open instance changed, that instance too (one
/// read of each at a time, so a burst costs two reads); orchestrator log lines (`durable-log …` in a replica's
/// output) go to their instance's log. FX thread only.
public final class OrchestrationsViewModel {
    static final String NOT_RUNNING = "Run the project to see its orchestrations.";

    private final RunViewModel run;
    private final DurableAccess access;
    private final InstancesViewModel instances;
    private final InstanceViewModel instance;
    private final OrchestrationActionsViewModel actions;
    private final ReadOnlyStringWrapper openId = new ReadOnlyStringWrapper(this, "openId");

    public OrchestrationsViewModel(RunViewModel run, TaskExecutor tasks, DialogService dialogs) {
        this.run = run;
        access = new DurableAccess(tasks);
        instances = new InstancesViewModel(access);
        instance = new InstanceViewModel(access);
        actions = new OrchestrationActionsViewModel(access, dialogs, instance.detailProperty(), this::open, this::refresh);
        access.none(NOT_RUNNING);
        run.stateProperty().addListener((o, was, now) -> follow(now));
        run.addBatchListener(this::onEvents);
        follow(run.stateProperty().get());
    }

    private void follow(RunState state) {
        instances.clear();
        instance.clear();
        switch (state) {
            case RUNNING -> run.runningSession().ifPresentOrElse(this::connect, () -> access.none(NOT_RUNNING));
            case STARTING -> access.none("The project is starting; its orchestrations show once it runs.");
            case STOPPING -> access.none("The run is stopping.");
            case IDLE, FAILED -> access.none(NOT_RUNNING);
        }
        if (state != RunState.RUNNING) open(null);
    }

    private void connect(RunSession session) {
        try {
            var durable = session.durable();
            if (durable == null) {
                access.none("This run has no durable backend, so there are no orchestrations to show.");
                return;
            }
            access.use(durable);
        } catch (RuntimeException e) {
            access.none("The durable backend is not available in this run: " + e.getMessage());
            return;
        }
        instances.refresh();
        instance.refresh();
    }

    /// Opens instance `id` (null closes the detail).
    public void open(String id) {
        openId.set(id);
        instance.show(id);
    }

    /// Reads the list and the open instance again.
    public void refresh() {
        instances.refresh();
        instance.refresh();
    }

    /// One batch of run events.
    public void onEvents(List<RunnerEvent> batch) {
        boolean listChanged = false;
        boolean openChanged = false;
        for (var event : batch) {
            if (event instanceof OrchestrationChanged changed) {
                listChanged = true;
                openChanged |= changed.instanceId().equals(instance.instanceId());
            } else if (event instanceof LogLine line) {
                DurableLogLine.parse(line).ifPresent(instance::addLog);
            }
        }
        instance.publishLog();
        if (listChanged) instances.refresh();
        if (openChanged) instance.refresh();
    }

    public InstancesViewModel instances() { return instances; }

    public InstanceViewModel instance() { return instance; }

    public OrchestrationActionsViewModel actions() { return actions; }

    public DurableAccess access() { return access; }

    /// The id of the open instance (null when none); the view keeps the list's selection on it.
    public ReadOnlyStringProperty openIdProperty() { return openId.getReadOnlyProperty(); }
}
