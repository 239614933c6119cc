package dev.berth.app.ui.trigger;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.project.FunctionDef;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.util.List;

/// The "Run now" dialog: which function, its input (prefilled with an example for its trigger whenever the
/// function changes), and the outcome of the last run (status, logs, body). The run goes to the session's
/// ingress off the FX thread. FX thread only.
public final class RunNowViewModel {
    private final List<FunctionDef> functions;
    private final URI ingress;
    private final ManualRun client;
    private final TaskExecutor tasks;
    private final ObjectProperty<FunctionDef> function = new SimpleObjectProperty<>(this, "function");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper logs = new ReadOnlyStringWrapper(this, "logs", "");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body", "");
    private final BooleanBinding canRun;

    /// `preselected` names the function to show first (null: the first one).
    public RunNowViewModel(List<FunctionDef> functions, String preselected, URI ingress, ManualRun client,
                           TaskExecutor tasks) {
        this.functions = List.copyOf(functions);
        this.ingress = ingress;
        this.client = client;
        this.tasks = tasks;
        function.addListener((obs, old, now) -> input.set(now == null ? "" : InputExamples.forFunction(now)));
        function.set(this.functions.stream().filter(f -> f.name().equalsIgnoreCase(String.valueOf(preselected)))
                .findFirst().orElse(this.functions.isEmpty() ? null : this.functions.getFirst()));
        canRun = Bindings.createBooleanBinding(() -> function.get() != null && !running.get(), function, running);
    }

    /// Sends the input to the session and shows the answer when it comes.
    public void run() {
        if (!canRun.get()) return;
        var name = function.get().name();
        var text = input.get();
        running.set(true);
        failed.set(false);
        status.set("Running " + name + "…");
        logs.set("");
        body.set("");
        tasks.run(() -> client.run(ingress, name, text), this::show, this::showFailure);
    }

    private void show(ManualRun.Result result) {
        running.set(false);
        boolean bad = !result.error().isEmpty() || result.status() >= 500 || result.status() <= 0;
        failed.set(bad);
        status.set(result.status() + (bad ? " failed" : " OK") + " on " + result.replica() + " · invocation "
                + result.invocationId() + (result.error().isEmpty() ? "" : " · " + result.error()));
        logs.set(String.join("\n", result.logs()));
        body.set(result.body());
    }

    private void showFailure(Exception e) {
        running.set(false);
        failed.set(true);
        status.set("Could not run " + function.get().name() + " at " + ingress + ": "
                + (e.getMessage() == null ? e.toString() : e.getMessage()) + ". Is the project still running?");
    }

    public List<FunctionDef> functions() { return functions; }

    public ObjectProperty<FunctionDef> functionProperty() { return function; }

    public StringProperty inputProperty() { return input; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public BooleanBinding canRunProperty() { return canRun; }

    /// One line on the last run ("" before the first).
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /// Whether the last run failed (its status shows in red).
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }

    public ReadOnlyStringProperty logsProperty() { return logs.getReadOnlyProperty(); }

    public ReadOnlyStringProperty bodyProperty() { return body.getReadOnlyProperty(); }
}
