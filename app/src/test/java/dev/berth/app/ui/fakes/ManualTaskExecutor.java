package dev.berth.app.ui.fakes;

import dev.berth.app.ui.fx.TaskExecutor;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Holds background work until the test runs it, so a test can see what happens while work is in flight.
/// Single-threaded: work and callbacks run on the test thread in `runAll`.
public final class ManualTaskExecutor implements TaskExecutor {
    private final Queue<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pending.add(() -> new SameThreadTaskExecutor().run(work, onSuccess, onFailure));
    }

    /// Runs what is pending, and what that submits, until nothing is left.
    public void runAll() {
        for (Runnable next; (next = pending.poll()) != null; ) next.run();
    }

    public int pendingCount() { return pending.size(); }

    @Override public void close() {}
}
