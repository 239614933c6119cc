package dev.berth.runner.scale;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.replica.PollingLoop;
import dev.berth.runner.replica.Waits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/// Runs a [ScaleEngine] every `pollingInterval` on its own virtual thread: samples the metrics, decides,
/// scales the replicas, publishes a [ScaleDecision] when the count changes or the outcome (desired,
/// winning rule) differs from the last one published, and keeps the recent ones for the admin
/// API. A request held while no replica is ready wakes it at once ([#wake]).
///
/// Thread-safe: `wake`, `recent` and `close` may be called from any thread; deciding happens on the loop
/// thread only (or the caller of [#tick], in tests).
public final class Autoscaler implements AutoCloseable {
    static final int KEPT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Autoscaler.class);

    /// The replicas it steers: how many are wanted now (not stopping) and the call that changes it.
    public record Target(IntSupplier active, IntConsumer scaleTo) {}

    private final ScaleEngine engine;
    private final Supplier<ScaleMetrics> metrics;
    private final Target target;
    private final EventListener events;
    private final PollingLoop loop;
    private final ArrayDeque<ScaleDecision> recent = new ArrayDeque<>();
    private ScaleDecision lastPublished;

    public Autoscaler(ScaleEngine engine, Supplier<ScaleMetrics> metrics, Target target, EventListener events,
                      Duration polling, Waits waits) {
        this.engine = engine;
        this.metrics = metrics;
        this.target = target;
        this.events = events;
        this.loop = new PollingLoop("autoscaler", polling, waits, this::tick, Duration.ofSeconds(5), false);
    }

    /// Starts the loop; the first decision is taken one polling interval from now (or at a wake).
    public Autoscaler start() {
        loop.start();
        return this;
    }

    /// Decides once now. Failures are logged: the next poll tries again.
    public void tick() {
        try {
            int current = target.active().getAsInt();
            var decision = engine.decide(metrics.get(), current);
            if (decision.desired() != current) target.scaleTo().accept(decision.desired());
            record(decision);
        } catch (RuntimeException e) {
            LOG.warn("autoscaler poll failed; trying again at the next one", e);
        }
    }

    private void record(ScaleDecision decision) {
        synchronized (recent) {
            var last = lastPublished;
            // The poll after a change finds the count it asked for: nothing new unless the winner moved.
            boolean same = last != null && last.desired() == decision.desired()
                    && Objects.equals(last.winner(), decision.winner());
            if (same && decision.current() == decision.desired()) return;
            lastPublished = decision;
            recent.addLast(decision);
            if (recent.size() > KEPT) recent.removeFirst();
        }
        events.onEvent(decision);
    }

    /// Decide now rather than at the next poll (a request is waiting with no replica ready).
    public void wake() { loop.wake(); }

    /// The decisions published, oldest first (at most the last [#KEPT]).
    public List<ScaleDecision> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void close() { loop.close(); }
}
