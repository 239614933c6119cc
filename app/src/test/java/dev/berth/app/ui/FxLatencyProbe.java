package dev.berth.app.ui;

import javafx.application.Platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/// Measures how responsive the FX thread is: every `period` a probe thread posts a tiny task with
/// `Platform.runLater` and records how long it waited to run. Posting never waits on the FX thread, so
/// a frozen FX thread shows as probes that run late or not at all. Thread-safe.
final class FxLatencyProbe {
    /// What the probes saw; latencies in milliseconds.
    record Stats(int posted, int ran, double medianMs, double p95Ms, double maxMs) {
        @Override public String toString() {
            return "%d/%d probes ran, median %.1f ms, p95 %.1f ms, max %.1f ms"
                    .formatted(ran, posted, medianMs, p95Ms, maxMs);
        }
    }

    private final long periodNanos;
    private final AtomicInteger posted = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    private FxLatencyProbe(Duration period) {
        this.periodNanos = period.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("fx-latency-probe").start(this::loop);
    }

    static FxLatencyProbe start(Duration period) {
        return new FxLatencyProbe(period);
    }

    int posted() { return posted.get(); }

    private void loop() {
        long next = System.nanoTime();
        while (!stopped) {
            long now = System.nanoTime();
            if (next > now) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            long postedAt = System.nanoTime();
            posted.incrementAndGet();
            Platform.runLater(() -> latencies.add(System.nanoTime() - postedAt));
            // A probe thread that was itself held up skips the missed slots rather than posting a burst.
            while (next <= now) next += periodNanos;
        }
    }

    /// Stops posting and waits up to `timeout` for the probes already posted to run.
    Stats stop(Duration timeout) throws InterruptedException {
        stopped = true;
        thread.join(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latencies.size() < posted.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return new Stats(posted.get(), sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.95),
                percentile(sorted, 1.0));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
