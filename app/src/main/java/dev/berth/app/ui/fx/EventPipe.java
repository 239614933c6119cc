package dev.berth.app.ui.fx;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerEvent;

import java.util.List;
import java.util.function.Consumer;

/// Carries runner events from runner threads to the FX thread in batches, so a burst of log lines costs
/// a few UI updates, not thousands. `open` is called on the FX thread; the returned channel's `onEvent`
/// is thread-safe and non-blocking; `onBatch` always runs on the FX thread.
@FunctionalInterface
public interface EventPipe {
    Channel open(Consumer<List<RunnerEvent>> onBatch);

    /// One run's stream of events. `close` stops delivery (what is still queued may be dropped).
    interface Channel extends EventListener, AutoCloseable {
        @Override void close();
    }
}
