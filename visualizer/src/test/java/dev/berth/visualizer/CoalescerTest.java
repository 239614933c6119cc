package dev.berth.visualizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoalescerTest {
    /// Holds hand-offs until the test runs them, like an FX thread that is busy.
    private static final class RecordingExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            pending.add(task);
        }

        void runAll() {
            for (Runnable task; (task = pending.poll()) != null; ) {
                task.run();
            }
        }
    }

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @Test
    void add_idleCoalescer_handsFirstItemOverAtOnce() {
        RecordingExecutor fx = new RecordingExecutor();
        try (Coalescer<Integer> coalescer = new Coalescer<>(10_000, fx, batches::add)) {
            coalescer.add(1);
            assertThat(fx.pending).hasSize(1);
            fx.runAll();
            assertThat(batches).containsExactly(List.of(1));
        }
    }

    @Test
    void add_whileHandOffPending_queuesOneHopAndDeliversOneBatch() throws Exception {
        RecordingExecutor fx = new RecordingExecutor();
        try (Coalescer<Integer> coalescer = new Coalescer<>(20, fx, batches::add)) {
            for (int i = 0; i < 1_000; i++) {
                coalescer.add(i);
                if (i % 100 == 0) {
                    Thread.sleep(5); // spans several periods while the "FX thread" is busy
                }
            }
            assertThat(fx.pending).hasSize(1);
            fx.runAll();
            assertThat(batches).hasSize(1);
            assertThat(batches.getFirst()).hasSize(1_000);
        }
    }

    @Test
    void add_afterDrain_waitsAPeriodBeforeTheNextHop() throws Exception {
        RecordingExecutor fx = new RecordingExecutor();
        try (Coalescer<Integer> coalescer = new Coalescer<>(200, fx, batches::add)) {
            coalescer.add(1);
            fx.runAll();
            long drained = System.nanoTime();
            coalescer.add(2);
            coalescer.add(3);
            assertThat(fx.pending).isEmpty();
            await(() -> !fx.pending.isEmpty(), 5_000);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drained)).isGreaterThanOrEqualTo(150);
            fx.runAll();
            assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
        }
    }

    @Test
    void add_steadyStream_handsBatchesAtMostOncePerPeriod() throws Exception {
        List<Long> drainTimes = new CopyOnWriteArrayList<>();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try (Coalescer<Integer> coalescer = new Coalescer<>(100, fx, batch -> drainTimes.add(System.nanoTime()))) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
            int i = 0;
            while (System.nanoTime() < end) {
                coalescer.add(i++);
                Thread.sleep(1);
            }
        } finally {
            shutdown(fx);
        }
        assertThat(drainTimes.size()).isBetween(2, 11);
        for (int k = 1; k < drainTimes.size() - 1; k++) { // the last one is close()'s immediate flush
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(drainTimes.get(k) - drainTimes.get(k - 1));
            assertThat(gapMillis).as("gap before batch %d", k).isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void add_concurrentProducers_losesNothingAndKeepsEachProducersOrder() throws Exception {
        int producers = 8;
        int perProducer = 25_000;
        ExecutorService fx = Executors.newSingleThreadExecutor();
        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(producers);
             Coalescer<Integer> coalescer = new Coalescer<>(5, fx, received::addAll)) {
            for (int p = 0; p < producers; p++) {
                int base = p * perProducer;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perProducer; i++) {
                        coalescer.add(base + i);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        await(() -> received.size() == producers * perProducer, 10_000);
        shutdown(fx);
        assertThat(received).hasSize(producers * perProducer).doesNotHaveDuplicates();
        int[] last = new int[producers];
        Arrays.fill(last, -1);
        for (int value : received) {
            int producer = value / perProducer;
            assertThat(value).isGreaterThan(last[producer]);
            last[producer] = value;
        }
    }

    @Test
    void close_withItemsWaitingForThePeriod_flushesThemWithoutWaiting() {
        RecordingExecutor fx = new RecordingExecutor();
        Coalescer<Integer> coalescer = new Coalescer<>(60_000, fx, batches::add);
        coalescer.add(1);
        fx.runAll();
        coalescer.addAll(List.of(2, 3, 4));
        assertThat(fx.pending).isEmpty(); // waiting out the minute-long period
        coalescer.close();
        assertThat(fx.pending).hasSize(1);
        fx.runAll();
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3, 4));
    }

    @Test
    void close_withHopPending_leavesTheDeliveryToThatHop() {
        RecordingExecutor fx = new RecordingExecutor();
        Coalescer<Integer> coalescer = new Coalescer<>(50, fx, batches::add);
        coalescer.add(1);
        coalescer.add(2);
        coalescer.close();
        assertThat(fx.pending).hasSize(1);
        fx.runAll();
        assertThat(batches).containsExactly(List.of(1, 2));
    }

    @Test
    void add_afterClose_isStillDelivered() {
        RecordingExecutor fx = new RecordingExecutor();
        Coalescer<Integer> coalescer = new Coalescer<>(50, fx, batches::add);
        coalescer.close();
        coalescer.add(7);
        fx.runAll();
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void add_targetRejectsTheHop_laterItemsStillGetOne() {
        RecordingExecutor fx = new RecordingExecutor();
        boolean[] reject = {true};
        Executor flaky = task -> {
            if (reject[0]) {
                throw new RejectedExecutionException("FX toolkit not running");
            }
            fx.execute(task);
        };
        try (Coalescer<Integer> coalescer = new Coalescer<>(10, flaky, batches::add)) {
            assertThatThrownBy(() -> coalescer.add(1)).isInstanceOf(RejectedExecutionException.class);
            reject[0] = false;
            coalescer.add(2);
            fx.runAll();
            assertThat(batches).containsExactly(List.of(1, 2));
        }
    }

    @Test
    void drain_sinkThrows_laterBatchesStillArrive() throws Exception {
        RecordingExecutor fx = new RecordingExecutor();
        boolean[] fail = {true};
        try (Coalescer<Integer> coalescer = new Coalescer<>(10, fx, batch -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("view not ready");
            }
            batches.add(batch);
        })) {
            coalescer.add(1);
            assertThatThrownBy(fx::runAll).isInstanceOf(IllegalStateException.class);
            coalescer.add(2);
            await(() -> !fx.pending.isEmpty(), 5_000);
            fx.runAll();
            assertThat(batches).containsExactly(List.of(2));
        }
    }

    private static void await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
