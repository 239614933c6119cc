package dev.berth.app.ui.fakes;

import dev.berth.app.ui.fx.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// Ticks when the test says so; counts the series that are running.
public final class ManualTicker implements Ticker {
    private final List<Runnable> running = new ArrayList<>();

    @Override public Ticks every(Duration period, Runnable tick) {
        running.add(tick);
        return () -> running.remove(tick);
    }

    /// One tick of every running series.
    public void tick() { List.copyOf(running).forEach(Runnable::run); }

    public int runningCount() { return running.size(); }
}
