package dev.berth.app.ui.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs blocking work (runner start/stop, Docker checks, file writes) away from the FX thread and hands
/// the outcome back on it. View models depend on this, so tests replace it with a same-thread one.
/// `run` may be called from the FX thread; exactly one callback runs, on the FX thread.
public interface TaskExecutor extends AutoCloseable {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /// Stops taking work and waits briefly for what runs (e.g. a session being stopped at exit).
    @Override void close();
}
