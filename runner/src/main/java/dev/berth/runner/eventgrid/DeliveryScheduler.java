package dev.berth.runner.eventgrid;

import java.time.Duration;

/// Runs delivery attempts after a delay. The router schedules even first attempts here (with a zero delay),
/// so a test's scheduler decides when every attempt runs. Implementations are thread-safe.
public interface DeliveryScheduler extends AutoCloseable {
    /// Runs `task` once `delay` has passed; after close, does nothing.
    void schedule(Duration delay, Runnable task);

    /// Stops running tasks; tasks not started yet are dropped.
    @Override void close();
}
