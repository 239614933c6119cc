package dev.berth.app.ui.fakes;

import dev.berth.app.ui.fx.TaskExecutor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs work and its callback at once on the calling thread, so view model tests need no threads.
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override public void close() {}
}
