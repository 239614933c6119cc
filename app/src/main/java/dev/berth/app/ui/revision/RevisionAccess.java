package dev.berth.app.ui.revision;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.revision.RevisionControl;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/// The running session's revisions as the Revisions tab reaches them. [RevisionControl]'s actions block
/// until done (an activation waits for a ready replica), so every call runs on the task executor; its
/// outcome comes back on the FX thread only while the same session is still in use (a result from a run
/// that stopped since is dropped). While there is none, `unavailable` says why. FX thread only.
public final class RevisionAccess {
    /// Something to do with the revisions, off the FX thread.
    @FunctionalInterface
    public interface Work<T> {
        T apply(RevisionControl control) throws Exception;
    }

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("");
    private RevisionControl control;
    private long session;

    public RevisionAccess(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /// From now on calls go to `revisions`.
    void use(RevisionControl revisions) {
        session++;
        control = revisions;
        unavailable.set("");
        available.set(true);
    }

    /// From now on there are no revisions to reach, for the reason given (shown in place of the list).
    void none(String why) {
        session++;
        control = null;
        unavailable.set(why);
        available.set(false);
    }

    /// Runs `work` in the background; one of the callbacks then runs on the FX thread, unless the session
    /// changed meanwhile (then neither does). Without a session nothing runs and false is answered.
    <T> boolean call(Work<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        var target = control;
        if (target == null) return false;
        long mine = session;
        tasks.run(() -> work.apply(target), result -> {
            if (mine == session) done.accept(result);
        }, failure -> {
            if (mine == session) failed.accept(failure);
        });
        return true;
    }

    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    /// Why there are no revisions to show ("Run the project …"); "" while there are.
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }
}
