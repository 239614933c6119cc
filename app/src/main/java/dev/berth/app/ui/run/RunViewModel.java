package dev.berth.app.ui.run;

import dev.berth.app.ui.fx.EventPipe;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.DebugEndpoint;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.runner.session.Runner;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.LogEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/// One project's run: starts and stops a `RunSession` off the FX thread, and turns its events (batched
/// by the `EventPipe`) into log lines and table rows for a `RunOutput` (the scale chart reads the batches itself). FX thread only.
public final class RunViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    private final Runner runner;
    private final Path projectDir;
    private final int port;
    private final TaskExecutor tasks;
    private final EventPipe pipe;
    private final RunnerEventMapper mapper = new RunnerEventMapper();
    private final ReplicaBoard board = new ReplicaBoard();

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper ingressUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DebugEndpoint> debugEndpoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<FunctionKey> keys = FXCollections.observableArrayList();
    private final ObservableList<FunctionKey> keysView = FXCollections.unmodifiableObservableList(keys);
    private final BooleanBinding canRun;
    private final BooleanBinding canStop;
    private final ReadOnlyObjectWrapper<dev.berth.runner.project.FunctionApp> app = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<List<RunnerEvent>>> batchListeners = new ArrayList<>();

    private RunOutput output = new NoOutput();
    private EventPipe.Channel channel;
    private RunSession session;
    private boolean refreshing;

    public RunViewModel(Runner runner, Path projectDir, int port, TaskExecutor tasks, EventPipe pipe,
                        ObservableBooleanValue dockerAvailable) {
        this.runner = runner;
        this.projectDir = projectDir;
        this.port = port;
        this.tasks = tasks;
        this.pipe = pipe;
        canRun = Bindings.createBooleanBinding(() -> dockerAvailable.get() && state.get().canStart(),
                dockerAvailable, state);
        canStop = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING, state);
    }

    /// Where batches go from now on (the view calls this once it has built its panels).
    public void attach(RunOutput output) { this.output = output; }

    public void run() { start(false); }

    /// Runs one replica with a JDWP port for an IDE to attach to.
    public void debug() { start(true); }

    private void start(boolean debug) {
        if (!canRun.get()) return;
        closeChannel();
        state.set(RunState.STARTING);
        errorMessage.set("");
        board.clear();
        output.clear();
        var opened = pipe.open(this::onEvents);
        channel = opened;
        var options = new RunOptions(port, debug);
        tasks.run(() -> runner.start(projectDir, options, opened),
                started -> onStarted(started, opened), failure -> onStartFailed(failure, opened));
    }

    private void onStarted(RunSession started, EventPipe.Channel from) {
        if (from != channel || state.get() != RunState.STARTING) {
            // The view model was disposed while the runner started: nobody will stop it otherwise.
            tasks.run(() -> { started.close(); return null; }, v -> {}, e -> LOG.warn("stopping a stale run failed", e));
            return;
        }
        session = started;
        app.set(started.app());
        ingressUrl.set(started.ingressUri().toString());
        keys.setAll(started.functionKeys().entrySet().stream()
                .map(e -> new FunctionKey(e.getKey(), e.getValue())).toList());
        debugEndpoint.set(started.debug().orElse(null));
        state.set(RunState.RUNNING);
        refreshReplicas();
    }

    private void onStartFailed(Exception failure, EventPipe.Channel from) {
        if (from != channel) return;
        var why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        errorMessage.set("Could not run " + projectDir.getFileName() + ": " + why);
        state.set(RunState.FAILED);
    }

    /// Stops the replicas and the ingress and removes the containers (off the FX thread).
    public void stop() {
        if (state.get() != RunState.RUNNING) return;
        var stopping = session;
        session = null;
        state.set(RunState.STOPPING);
        tasks.run(() -> { stopping.close(); return null; }, v -> onStopped(), this::onStopFailed);
    }

    private void onStopped() {
        ingressUrl.set("");
        keys.clear();
        debugEndpoint.set(null);
        state.set(RunState.IDLE);
    }

    private void onStopFailed(Exception failure) {
        onStopped();
        errorMessage.set("Stopping " + projectDir.getFileName() + " did not finish cleanly: " + failure.getMessage()
                + " Berth removes leftover containers at its next start.");
        state.set(RunState.FAILED);
    }

    /// The user has read the error: hide it (a FAILED run may start again regardless).
    public void dismissError() { errorMessage.set(""); }

    /// Called when the project window closes: stops a running session in the background.
    public void dispose() {
        var running = session;
        session = null;
        if (running != null) {
            tasks.run(() -> { running.close(); return null; }, v -> {}, e -> LOG.warn("stopping at close failed", e));
        }
        closeChannel();
        state.set(RunState.IDLE);
    }

    private void closeChannel() {
        if (channel != null) channel.close();
        channel = null;
    }

    /// One batch of events, in the order the runner emitted them.
    public void onEvents(List<RunnerEvent> batch) {
        var logs = new ArrayList<LogEntry>(batch.size());
        var invocations = new ArrayList<InvocationRow>();
        boolean replicasChanged = false;
        boolean loadChanged = false;
        for (var event : batch) {
            mapper.toLog(event).ifPresent(logs::add);
            mapper.toInvocation(event).ifPresent(invocations::add);
            if (event instanceof ReplicaStateChanged changed) {
                board.apply(changed);
                replicasChanged = true;
            }
            loadChanged |= event instanceof InvocationFinished;
        }
        publish(logs, invocations, replicasChanged);
        if (replicasChanged || loadChanged) refreshReplicas();
        batchListeners.forEach(listener -> listener.accept(batch));
    }

    /// Also hands every batch to `listener` (after the panels got theirs), e.g. the trigger graph.
    public void addBatchListener(Consumer<List<RunnerEvent>> listener) { batchListeners.add(listener); }

    /// The project as the running session loaded it (kept after it stops), or null before the first run.
    public ReadOnlyObjectProperty<dev.berth.runner.project.FunctionApp> appProperty() { return app.getReadOnlyProperty(); }

    private void publish(List<LogEntry> logs, List<InvocationRow> invocations, boolean replicasChanged) {
        if (!logs.isEmpty()) output.logs(logs);
        if (!invocations.isEmpty()) output.invocations(invocations);
        if (replicasChanged) output.replicas(board.rows());
    }

    /// Ports, restarts and outstanding requests are not in the events: take them from a snapshot.
    private void refreshReplicas() {
        var current = session;
        if (current == null || refreshing) return;
        refreshing = true;
        tasks.run(current::replicas, snapshot -> {
            refreshing = false;
            if (current != session) return;
            board.merge(snapshot);
            output.replicas(board.rows());
        }, e -> {
            refreshing = false;
            LOG.debug("replica snapshot failed", e);
        });
    }

    /// The session while RUNNING (e.g. for the storage explorers, whose writes must wake its triggers).
    public java.util.Optional<RunSession> runningSession() {
        return state.get() == RunState.RUNNING ? java.util.Optional.ofNullable(session) : java.util.Optional.empty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }

    /// The ingress address while running (e.g. http://127.0.0.1:7071), else "".
    public ReadOnlyStringProperty ingressUrlProperty() { return ingressUrl.getReadOnlyProperty(); }

    /// Where an IDE attaches while a debug run is running, else null.
    public ReadOnlyObjectProperty<DebugEndpoint> debugEndpointProperty() { return debugEndpoint.getReadOnlyProperty(); }

    /// Why the last run failed to start or stop ("" otherwise).
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }

    public ObservableList<FunctionKey> functionKeys() { return keysView; }

    public ObservableBooleanValue canRunProperty() { return canRun; }

    public ObservableBooleanValue canStopProperty() { return canStop; }

    public Path projectDir() { return projectDir; }

    private static final class NoOutput implements RunOutput {
        @Override public void clear() {}
        @Override public void logs(List<LogEntry> batch) {}
        @Override public void invocations(List<InvocationRow> batch) {}
        @Override public void replicas(List<dev.berth.visualizer.ReplicaRow> all) {}
    }
}
