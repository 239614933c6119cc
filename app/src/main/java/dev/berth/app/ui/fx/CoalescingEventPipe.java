package dev.berth.app.ui.fx;

import dev.berth.runner.event.RunnerEvent;
import dev.berth.visualizer.Coalescer;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/// The production `EventPipe`: a `Coalescer` that hands batches to the FX executor at most every
/// `periodMillis`. Thread-safe.
public final class CoalescingEventPipe implements EventPipe {
    /// ~13 UI updates a second: smooth to look at, cheap under 10k log lines a second.
    public static final long DEFAULT_PERIOD_MILLIS = 75;

    private final Executor fx;
    private final long periodMillis;

    public CoalescingEventPipe(Executor fx, long periodMillis) {
        this.fx = fx;
        this.periodMillis = periodMillis;
    }

    @Override public Channel open(Consumer<List<RunnerEvent>> onBatch) {
        var coalescer = new Coalescer<RunnerEvent>(periodMillis, fx, onBatch);
        return new Channel() {
            @Override public void onEvent(RunnerEvent event) { coalescer.add(event); }
            @Override public void close() { coalescer.close(); }
        };
    }
}
