package dev.berth.runner.eventgrid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// The real [DeliveryScheduler]: one platform thread keeps time, and every task runs on its own virtual
/// thread, since a delivery blocks on HTTP to a replica. Thread-safe; close waits up to `grace` for running
/// deliveries, then interrupts them.
public final class VirtualThreadScheduler implements DeliveryScheduler {
    private static final Logger log = LoggerFactory.getLogger(VirtualThreadScheduler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("eventgrid-timer").factory());
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("eventgrid-delivery-", 0).factory());
    private final Duration grace;

    public VirtualThreadScheduler(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        try {
            if (delay.isZero() || delay.isNegative()) {
                workers.execute(task);
            } else {
                timer.schedule(() -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closed) {
            log.debug("an Event Grid delivery was scheduled after close; dropped");
        }
    }

    private void run(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException closed) {
            log.debug("an Event Grid retry came due after close; dropped");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow(); // retries not yet due are dropped: delivery state is in memory only
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
