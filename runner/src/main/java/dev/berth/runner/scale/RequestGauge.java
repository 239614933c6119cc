package dev.berth.runner.scale;

import java.util.concurrent.atomic.AtomicInteger;

/// Counts the ingress's requests for the autoscaler: those in flight (waiting for a replica included), their
/// peak since the last sample, and those held while no replica was ready, which wake the autoscaler at once
/// (scale from zero does not wait for the polling interval). Thread-safe; the listener runs on the
/// request's thread and must not block.
public final class RequestGauge {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile Runnable onHold = () -> {};

    public void begin() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public void end() { inFlight.decrementAndGet(); }

    /// A request waits while no replica is ready.
    public void holdBegin() {
        held.incrementAndGet();
        onHold.run();
    }

    public void holdEnd() { held.decrementAndGet(); }

    public int held() { return held.get(); }

    /// The most requests in flight at once since the previous call (at least those in flight now).
    public int takePeak() {
        int current = inFlight.get();
        return Math.max(current, peak.getAndSet(current));
    }

    public void onHold(Runnable listener) { this.onHold = listener; }
}
