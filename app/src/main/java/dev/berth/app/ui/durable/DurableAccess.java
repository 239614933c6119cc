package dev.berth.app.ui.durable;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.durable.DurableControl;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/// The running session's durable backend as the Orchestrations tab reaches it: calls run on the task
/// executor against the project's task hub, and their outcome comes back on the FX thread only while the
/// same backend is still in use (a result from a run that has stopped since is dropped). While there is no
/// backend, `unavailable` says why. FX thread only.
public final class DurableAccess {
    /// Something to do with the backend, off the FX thread.
    @FunctionalInterface
    public interface Work<T> {
        T apply(DurableControl control, String hub) throws Exception;
    }

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("");
    private DurableControl control;
    private long generation;

    public DurableAccess(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /// From now on calls go to `backend`.
    void use(DurableControl backend) {
        generation++;
        control = backend;
        unavailable.set("");
        available.set(true);
    }

    /// From now on there is no backend, for the reason given (shown where the instances would be).
    void none(String why) {
        generation++;
        control = null;
        unavailable.set(why);
        available.set(false);
    }

    /// Runs `work` in the background; exactly one of the callbacks runs on the FX thread, unless the
    /// backend changed meanwhile (then none does). Without a backend nothing runs.
    <T> void call(Work<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        var backend = control;
        if (backend == null) return;
        long callGeneration = generation;
        tasks.run(() -> work.apply(backend, backend.defaultHub()), result -> {
            if (callGeneration == generation) done.accept(result);
        }, failure -> {
            if (callGeneration == generation) failed.accept(failure);
        });
    }

    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    /// Why there is no backend ("Run the project to see its orchestrations" …); "" while there is one.
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }
}
