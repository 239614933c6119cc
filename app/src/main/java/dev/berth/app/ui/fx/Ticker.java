package dev.berth.app.ui.fx;

import java.time.Duration;

/// Calls back on the FX thread at a fixed period, for views that refresh themselves while they show (the
/// storage explorers). View models depend on this, so tests tick by hand. `every` is called on the FX
/// thread; the ticks run on it.
@FunctionalInterface
public interface Ticker {
    /// Calls `tick` every `period` until the result is closed.
    Ticks every(Duration period, Runnable tick);

    /// A running series of ticks; `close` stops it (idempotent).
    interface Ticks extends AutoCloseable {
        @Override void close();
    }
}
