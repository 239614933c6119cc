package dev.berth.app.ui.fx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// `TaskExecutor` on virtual threads (the work is blocking I/O: Docker, HTTP, files); results hop back
/// through the FX executor. Thread-safe.
public final class VirtualThreadTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualThreadTaskExecutor.class);
    /// Long enough for a running session to stop and remove its containers at exit.
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(20);

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("berth-ui-task-", 0).factory());
    private final Executor fx;

    public VirtualThreadTaskExecutor(Executor fx) { this.fx = fx; }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        threads.execute(() -> {
            try {
                T result = work.call();
                fx.execute(() -> onSuccess.accept(result));
            } catch (Exception e) {
                LOG.debug("background task failed", e);
                fx.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) threads.shutdownNow();
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
