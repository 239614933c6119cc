package dev.berth.editor.analysis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs analyses of text snapshots on a background executor and hands back only results that are
/// still current: every edit bumps a generation counter, and a result computed for an older
/// generation is dropped (and skipped, when it is already stale before it starts).
///
/// Threading: `textChanged`, `submit` and `close` are called on the owner thread (the FX thread);
/// the analysis runs on `background`; the sink is called through `owner`, so on the owner thread.
public final class AnalysisPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisPipeline.class);

    private final Function<String, Analysis> analyzer;
    private final ExecutorService background;
    private final Executor owner;
    private final Consumer<Analysis> sink;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closed;

    public AnalysisPipeline(Function<String, Analysis> analyzer, ExecutorService background, Executor owner,
                            Consumer<Analysis> sink) {
        this.analyzer = analyzer;
        this.background = background;
        this.owner = owner;
        this.sink = sink;
    }

    /// One small daemon thread that goes away when idle, so many open editors cost nothing at rest.
    public static ExecutorService newBackgroundExecutor() {
        var executor = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            var thread = new Thread(r, "berth-editor-analysis");
            thread.setDaemon(true);
            return thread;
        });
        return executor;
    }

    /// Marks every analysis in flight as stale. Call on each edit, before its debounce ends.
    public void textChanged() { generation.incrementAndGet(); }

    /// Analyses `snapshot` (the text as of now) in the background.
    public void submit(String snapshot) {
        if (closed) return;
        long ticket = generation.get();
        background.execute(() -> {
            if (isStale(ticket)) return;
            Analysis result = analyzeSafely(snapshot);
            if (result != null) owner.execute(() -> deliver(ticket, result));
        });
    }

    private Analysis analyzeSafely(String snapshot) {
        try {
            return analyzer.apply(snapshot);
        } catch (RuntimeException e) {
            // A lexer or validator bug must not kill highlighting for the rest of the session.
            LOG.warn("Editor analysis failed for a text of {} characters", snapshot.length(), e);
            return null;
        }
    }

    private void deliver(long ticket, Analysis result) {
        if (!isStale(ticket)) sink.accept(result);
    }

    private boolean isStale(long ticket) { return closed || generation.get() != ticket; }

    /// Stops the background executor (shutdown, await, shutdownNow); later results are dropped.
    @Override
    public void close() {
        closed = true;
        background.shutdown();
        try {
            if (!background.awaitTermination(1, TimeUnit.SECONDS)) background.shutdownNow();
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
