package dev.berth.app.ui.trigger;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;

import java.net.URI;
import java.util.List;

/// Opens the "Run now" dialog for the running project, with a function preselected or not. Needs a
/// running session (its ingress answers the admin call). FX thread only.
public final class RunNowLauncher {
    private final RunViewModel run;
    private final TriggerGraphViewModel triggers;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final ManualRun client;

    public RunNowLauncher(RunViewModel run, TriggerGraphViewModel triggers, DialogService dialogs, TaskExecutor tasks,
                          ManualRun client) {
        this.run = run;
        this.triggers = triggers;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.client = client;
    }

    /// `function` may be null (the dialog then starts with the first function).
    public void open(String function) {
        var app = triggers.appProperty().get();
        if (run.stateProperty().get() != RunState.RUNNING || run.ingressUrlProperty().get().isEmpty()) return;
        var functions = app == null ? List.<dev.berth.runner.project.FunctionDef>of() : app.functions();
        if (functions.isEmpty()) {
            dialogs.showError("Nothing to run", "The running project has no functions. Fix: add a folder with a "
                    + "function.json next to host.json and run the project again.");
            return;
        }
        dialogs.showRunNow(new RunNowViewModel(functions, function, URI.create(run.ingressUrlProperty().get()),
                client, tasks));
    }
}
