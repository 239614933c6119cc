package dev.berth.app.ui.fakes;

import dev.berth.app.ui.fx.EventPipe;
import dev.berth.runner.event.RunnerEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/// Queues events until the test calls `flush()`, which hands them over as one batch, as the coalescer does.
public final class ManualEventPipe implements EventPipe {
    private final List<RunnerEvent> queued = new ArrayList<>();
    private Consumer<List<RunnerEvent>> sink;
    private int opened;
    private int closed;

    @Override public synchronized Channel open(Consumer<List<RunnerEvent>> onBatch) {
        sink = onBatch;
        opened++;
        return new Channel() {
            @Override public void onEvent(RunnerEvent event) { synchronized (ManualEventPipe.this) { queued.add(event); } }
            @Override public void close() { synchronized (ManualEventPipe.this) { closed++; } }
        };
    }

    public void flush() {
        List<RunnerEvent> batch;
        synchronized (this) {
            batch = List.copyOf(queued);
            queued.clear();
        }
        sink.accept(batch);
    }

    public synchronized int openedCount() { return opened; }

    public synchronized int closedCount() { return closed; }
}
