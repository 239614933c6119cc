package dev.berth.app.ui.run;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.EngineInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// Whether Docker can be used, as the status bar and the banner show it. `check()` asks the engine off
/// the FX thread. FX thread only.
public final class DockerStatusViewModel {
    /// How to get Docker going, added to the engine's own explanation.
    static final String FIX_HINT = "Start the Docker daemon (for example `sudo systemctl start docker`, "
            + "or open Docker Desktop), check DOCKER_HOST, then press Retry. Editing works meanwhile.";

    private final ContainerEngine engine;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Docker: checking…");
    private final ReadOnlyStringWrapper gpuText = new ReadOnlyStringWrapper("GPU: unknown");
    private final ReadOnlyStringWrapper gpuDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public DockerStatusViewModel(ContainerEngine engine, TaskExecutor tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    public void check() {
        if (checking.get()) return;
        checking.set(true);
        statusText.set("Docker: checking…");
        tasks.run(engine::info, this::onInfo, this::onUnavailable);
    }

    private void onInfo(EngineInfo info) {
        checking.set(false);
        available.set(true);
        problem.set("");
        statusText.set("Docker " + info.version() + " · API " + info.apiVersion());
        gpuText.set(info.gpuAvailable() ? "GPU available" : "No GPU");
        gpuDetail.set(info.gpuDetail());
    }

    private void onUnavailable(Exception e) {
        checking.set(false);
        available.set(false);
        statusText.set("Docker unavailable");
        gpuText.set("GPU: unknown");
        gpuDetail.set("");
        var why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        problem.set(why);
    }

    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty gpuTextProperty() { return gpuText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty gpuDetailProperty() { return gpuDetail.getReadOnlyProperty(); }

    /// Why Docker cannot be used ("" while it can), as the engine said it.
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public String fixHint() { return FIX_HINT; }
}
