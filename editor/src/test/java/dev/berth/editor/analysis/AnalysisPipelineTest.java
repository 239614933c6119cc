package dev.berth.editor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AnalysisPipelineTest {
    private final ManualExecutor background = new ManualExecutor();
    private final List<Analysis> delivered = new ArrayList<>();
    private final AtomicInteger analyses = new AtomicInteger();
    private final AnalysisPipeline pipeline = new AnalysisPipeline(this::analyze, background, Runnable::run, delivered::add);

    private Analysis analyze(String text) {
        analyses.incrementAndGet();
        return new Analysis(text, List.of(), List.of(), List.of());
    }

    @Test
    void submit_noEditMeanwhile_deliversTheResult() {
        pipeline.submit("v1");
        background.runAll();
        assertThat(delivered).extracting(Analysis::text).containsExactly("v1");
    }

    @Test
    void submit_textChangedBeforeTheTaskRuns_skipsTheWorkAndDeliversOnlyTheNewest() {
        pipeline.submit("v1");
        pipeline.textChanged();
        pipeline.submit("v2");
        background.runAll();
        assertThat(delivered).extracting(Analysis::text).containsExactly("v2");
        assertThat(analyses).hasValue(1);
    }

    @Test
    void submit_textChangedWhileAnalysing_dropsTheStaleResult() {
        var slow = new AtomicReference<AnalysisPipeline>();
        slow.set(new AnalysisPipeline(text -> {
            // An edit lands on the FX thread while this snapshot is being analysed.
            slow.get().textChanged();
            return analyze(text);
        }, background, Runnable::run, delivered::add));
        slow.get().submit("v1");
        background.runAll();
        assertThat(delivered).isEmpty();
    }

    @Test
    void close_shutsDownTheExecutorAndDropsResultsStillOnTheirWay() {
        var owner = new ManualExecutor();
        var closing = new AnalysisPipeline(this::analyze, background, owner, delivered::add);
        closing.submit("v1");
        background.runAll();
        closing.close();
        owner.runAll();
        closing.submit("v2");
        assertThat(background.isShutdown()).isTrue();
        assertThat(delivered).isEmpty();
    }

    @Test
    void submit_analyzerThrows_deliversNothingAndKeepsWorking() {
        var flaky = new AnalysisPipeline(text -> {
            if (text.equals("boom")) throw new IllegalStateException("lexer bug");
            return analyze(text);
        }, background, Runnable::run, delivered::add);
        flaky.submit("boom");
        flaky.submit("fine");
        background.runAll();
        assertThat(delivered).extracting(Analysis::text).containsExactly("fine");
    }

    /// Runs queued tasks only when the test says so, to order edits and results deterministically.
    private static final class ManualExecutor extends AbstractExecutorService {
        private final Deque<Runnable> queue = new ArrayDeque<>();
        private boolean shutdown;

        void runAll() {
            while (!queue.isEmpty()) queue.poll().run();
        }

        @Override public void execute(Runnable command) { queue.add(command); }
        @Override public void shutdown() { shutdown = true; }
        @Override public List<Runnable> shutdownNow() { shutdown = true; var left = new ArrayList<>(queue); queue.clear(); return left; }
        @Override public boolean isShutdown() { return shutdown; }
        @Override public boolean isTerminated() { return shutdown && queue.isEmpty(); }
        @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return isTerminated(); }
    }
}
