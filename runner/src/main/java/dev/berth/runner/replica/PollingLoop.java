package dev.berth.runner.replica;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/// Runs `poll` every `interval` on its own virtual thread, at once after [#wake], until [#close]. The pause
/// goes through [Waits], so tests drive it with a fake clock. `poll` must not throw: what it catches is its
/// own business. Thread-safe.
public final class PollingLoop implements AutoCloseable {
    private final String name;
    private final Duration interval;
    private final Waits waits;
    private final Runnable poll;
    private final Duration closePatience;
    private final boolean interruptOnClose;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private Thread thread;

    /// `close` waits up to `closePatience` for a poll in flight; with `interruptOnClose` it interrupts it first
    /// (for polls that block on outside programs and give up when interrupted).
    public PollingLoop(String name, Duration interval, Waits waits, Runnable poll, Duration closePatience,
                       boolean interruptOnClose) {
        this.name = name;
        this.interval = interval;
        this.waits = waits;
        this.poll = poll;
        this.closePatience = closePatience;
        this.interruptOnClose = interruptOnClose;
    }

    /// Starts the thread; the first poll comes one interval from now (or at a wake).
    public synchronized void start() {
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    private void loop() {
        try {
            while (!closed) {
                waits.pause(interval, wake);
                wake.drainPermits();
                if (!closed) poll.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /// Poll now rather than at the end of the interval.
    public void wake() { wake.release(); }

    /// Whether [#close] was called: a poll in flight checks it before publishing anything more.
    public boolean closed() { return closed; }

    @Override
    public void close() {
        closed = true;
        wake.release();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) return;
        if (interruptOnClose) running.interrupt();
        try {
            running.join(closePatience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
