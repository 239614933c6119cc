package dev.berth.app.ui.durable;

import java.util.function.Consumer;

/// Keeps at most one refresh of a view running: a refresh asked for while one runs is done once right after
/// it, so a burst of changes (a fan-out completing 1,000 activities) costs two reads, not a thousand.
/// `start` begins a read and is handed a `Runnable` to run when the read has finished, however it ended.
/// `reset` forgets a read in flight (the backend went away: its callback may never come). FX thread only.
final class Refresher {
    private final Consumer<Runnable> start;
    private boolean running;
    private boolean again;
    private long epoch;

    Refresher(Consumer<Runnable> start) {
        this.start = start;
    }

    void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        long mine = epoch;
        start.accept(() -> finished(mine));
    }

    void reset() {
        epoch++;
        running = false;
        again = false;
    }

    private void finished(long of) {
        if (of != epoch) return;
        running = false;
        if (again) {
            again = false;
            request();
        }
    }
}
