package dev.berth.visualizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/// Collects items from any thread and hands them over in batches, at most once per `periodMillis`, on
/// `target` (the FX executor), so a stream of 10k items/s costs ~20 UI updates/s.
///
/// Threading: `add`, `addAll` and `close` may be called from any thread; `sink` runs only on `target`.
/// At most one hand-off is pending at a time (scheduled or queued on `target`), so a slow FX thread
/// gets one larger batch instead of a growing backlog of `runLater` calls. No item is ever dropped:
/// the batch holds everything added since the previous one, so the queue is unbounded while the
/// target is stalled. An idle coalescer hands its first item over at once; the period only throttles
/// bursts. A sink that throws loses that batch only; the next one is still scheduled. Each coalescer
/// owns one daemon timer thread that only waits out the period; `close` stops it.
public final class Coalescer<T> implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final long periodNanos;
    private final Executor target;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    /// True from the moment a hand-off is scheduled until its drain has finished on `target`.
    private final AtomicBoolean armed = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private volatile long lastDrainNanos = System.nanoTime() - Long.MAX_VALUE / 4;
    private volatile boolean closed;

    public Coalescer(long periodMillis, Executor target, Consumer<List<T>> sink) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("periodMillis must be positive, was " + periodMillis);
        }
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.target = Objects.requireNonNull(target, "target");
        this.sink = Objects.requireNonNull(sink, "sink");
        // One daemon platform thread only waits out the period; the work itself runs on `target`.
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("berth-coalescer-" + THREADS.incrementAndGet()).factory());
    }

    /// Queues one item. Items added while (or after) the coalescer closes are still delivered.
    public void add(T item) {
        queue.offer(Objects.requireNonNull(item, "item"));
        arm();
    }

    /// Queues several items; they end up in the same or consecutive batches, in order.
    public void addAll(Collection<? extends T> items) {
        for (T item : items) {
            queue.offer(Objects.requireNonNull(item, "item"));
        }
        arm();
    }

    /// Hands over what is left without waiting for the period (the hand-off runs later on `target`;
    /// this does not block) and stops the timer thread.
    @Override
    public void close() {
        closed = true;
        // A hand-off still waiting out its period is cancelled here and done at once instead;
        // `armed` stays set for it, so this is still the only pending hop.
        if (!timer.shutdownNow().isEmpty()) {
            hop();
        }
        arm();
    }

    private void arm() {
        if (queue.isEmpty() || !armed.compareAndSet(false, true)) {
            return;
        }
        long delay = closed ? 0 : lastDrainNanos + periodNanos - System.nanoTime();
        if (delay <= 0) {
            hop();
            return;
        }
        try {
            timer.schedule(this::hop, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            hop();
        }
    }

    private void hop() {
        try {
            target.execute(this::drain);
        } catch (RuntimeException rejected) {
            // No drain will run to clear the flag: clear it, or every later item would wait forever.
            armed.set(false);
            throw rejected;
        }
    }

    private void drain() {
        try {
            lastDrainNanos = System.nanoTime();
            List<T> batch = new ArrayList<>();
            for (T item; (item = queue.poll()) != null; ) {
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        } finally {
            armed.set(false);
            // Items that arrived while we drained found `armed` set and left the re-arming to us.
            arm();
        }
    }
}
