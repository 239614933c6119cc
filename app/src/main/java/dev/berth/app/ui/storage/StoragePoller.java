package dev.berth.app.ui.storage;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.fx.Ticker;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/// What the storage explorers share: while visible, read the storage now and every period off the FX
/// thread, one read at a time (a request while one runs is served right after it, so a burst of changes
/// costs at most one extra read), and hand each snapshot or failure back on the FX thread. Hidden, it does
/// not poll. FX thread only.
final class StoragePoller<S> {
    private final StorageAccess access;
    private final TaskExecutor tasks;
    private final Ticker ticker;
    private final Duration period;
    private final Supplier<StorageAccess.Work<S>> read;
    private final Consumer<S> apply;
    private final Consumer<Exception> failed;
    private Ticker.Ticks ticks;
    private boolean refreshing;
    private boolean again;

    /// `read` is called on the FX thread for each refresh, so it captures the selection there; the work it
    /// returns runs in the background.
    StoragePoller(StorageAccess access, TaskExecutor tasks, Ticker ticker, Duration period,
                  Supplier<StorageAccess.Work<S>> read, Consumer<S> apply, Consumer<Exception> failed) {
        this.access = access;
        this.tasks = tasks;
        this.ticker = ticker;
        this.period = period;
        this.read = read;
        this.apply = apply;
        this.failed = failed;
    }

    /// Shown: refresh now and every period; hidden: stop polling.
    void setVisible(boolean visible) {
        if (visible && ticks == null) {
            ticks = ticker.every(period, this::refresh);
            refresh();
        } else if (!visible && ticks != null) {
            ticks.close();
            ticks = null;
        }
    }

    boolean isVisible() { return ticks != null; }

    void refresh() {
        if (refreshing) {
            again = true;
            return;
        }
        refreshing = true;
        var work = read.get();
        tasks.run(() -> access.call(work), snapshot -> {
            done();
            apply.accept(snapshot);
        }, failure -> {
            done();
            failed.accept(failure);
        });
    }

    private void done() {
        refreshing = false;
        if (again) {
            again = false;
            refresh();
        }
    }
}
