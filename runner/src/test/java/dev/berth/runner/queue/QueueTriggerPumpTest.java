package dev.berth.runner.queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The queue trigger's delivery loop on a manual clock: nothing here waits for real time to pass
/// except the few milliseconds threads need to react (polled with a deadline).
class QueueTriggerPumpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir Path dir;
    ManualClock clock = new ManualClock(QueueStoreTest.T0);
    QueueStore store;
    QueueTriggerPump pump;

    @BeforeEach
    void open() throws Exception {
        store = QueueStore.open(dir.resolve(".berth/berth.db"), clock);
        store.createIfNotExists("orders");
    }

    @AfterEach
    void close() {
        if (pump != null) pump.close();
        store.close();
    }

    private QueueTriggerPump start(QueueSettings settings, MessageHandler handler) {
        pump = QueueTriggerPump.start(store, "orders", settings, handler, clock, clock, Duration.ofSeconds(5));
        return pump;
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + DEADLINE + ": " + what);
            Thread.sleep(2);
        }
    }

    private QueueCounts counts() {
        return store.counts("orders");
    }

    @Test
    void success_deletesEveryMessage() throws Exception {
        var seen = ConcurrentHashMap.<String>newKeySet();
        store.putAll("orders", List.of("a", "b", "c"), Duration.ZERO, QueueLimits.DEFAULT_TTL);
        start(QueueSettings.defaults(), m -> {
            seen.add(m.text());
            return Outcome.success();
        });
        eventually("all three handled and deleted", () -> seen.size() == 3 && counts().total() == 0);
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(counts().poison()).isZero();
    }

    @Test
    void put_afterThePumpWentToSleep_startsTheHandlerWithoutTheClockMoving() throws Exception {
        var started = new CountDownLatch(1);
        start(QueueSettings.defaults(), m -> {
            started.countDown();
            return Outcome.success();
        });
        eventually("the pump found the queue empty and sleeps", () -> clock.sleepers() == 1);
        long put = System.nanoTime();
        store.put("orders", "now");
        assertThat(started.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(clock.instant()).isEqualTo(QueueStoreTest.T0);
        System.out.printf("QueueTriggerPumpTest put -> handler started in %.2f ms%n", (System.nanoTime() - put) / 1e6);
    }

    @Test
    void alwaysFailing_endsInPoisonAfterExactlyMaxDequeueCountAttemptsWithItsCount() throws Exception {
        var attempts = new AtomicInteger();
        var put = store.put("orders", "bad");
        start(QueueSettings.of(null, null, 3, null, null), m -> {
            attempts.incrementAndGet();
            return Outcome.failure("always");
        });
        eventually("moved to the poison queue", () -> counts().poison() == 1);
        var poisoned = store.peek("orders-poison", 32);
        assertThat(poisoned).hasSize(1);
        assertThat(poisoned.getFirst().dequeueCount()).isEqualTo(3);
        assertThat(poisoned.getFirst().insertionTime()).isEqualTo(put.insertionTime());
        assertThat(poisoned.getFirst().id()).isEqualTo(put.id());
        assertThat(counts().total()).isZero();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void throwingHandler_countsAsAFailureAndEndsInPoisonAfterFiveAttempts() throws Exception {
        var attempts = new AtomicInteger();
        store.put("orders", "boom");
        start(QueueSettings.defaults(), m -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("handler broke");
        });
        eventually("moved to the poison queue", () -> counts().poison() == 1);
        assertThat(attempts).hasValue(5);
        assertThat(store.peek("orders-poison", 1).getFirst().dequeueCount()).isEqualTo(5);
    }

    @Test
    void failure_isRetriedOnlyAfterTheVisibilityTimeout() throws Exception {
        var attempts = new AtomicInteger();
        store.put("orders", "flaky");
        start(QueueSettings.of(null, null, null, Duration.ofSeconds(30), null),
                m -> attempts.incrementAndGet() == 1 ? Outcome.failure("first time") : Outcome.success());
        eventually("first attempt released for a retry", () -> counts().invisible() == 1 && attempts.get() == 1
                && nextVisibleMs() == QueueStoreTest.T0.plusSeconds(30).toEpochMilli());
        clock.advance(Duration.ofSeconds(29));
        eventually("the pump sleeps again", () -> clock.sleepers() == 1);
        assertThat(attempts).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        eventually("retried and deleted", () -> attempts.get() == 2 && counts().total() == 0);
    }

    @Test
    void concurrency_neverExceedsBatchSize() throws Exception {
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new Semaphore(0);
        var handled = new AtomicInteger();
        store.putAll("orders", IntStream.range(0, 20).mapToObj(i -> "m" + i).toList(), Duration.ZERO,
                QueueLimits.DEFAULT_TTL);
        start(QueueSettings.of(4, 2, null, null, null), m -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.acquire();
            running.decrementAndGet();
            handled.incrementAndGet();
            return Outcome.success();
        });
        eventually("four handlers running", () -> running.get() == 4);
        for (int i = 0; i < 20 && handled.get() < 20; i++) {
            release.release(1);
            Thread.sleep(5); // let the pump refill: it must still never pass four
        }
        release.release(20);
        eventually("all twenty handled and deleted", () -> handled.get() == 20 && counts().total() == 0);
        assertThat(most).hasValue(4);
    }

    @Test
    void newBatch_isFetchedOnlyWhenInFlightDropsToTheThreshold() throws Exception {
        var gates = new ConcurrentHashMap<String, CountDownLatch>();
        Set<String> started = ConcurrentHashMap.newKeySet();
        store.putAll("orders", IntStream.range(0, 10).mapToObj(i -> "m" + i).toList(), Duration.ZERO,
                QueueLimits.DEFAULT_TTL);
        start(QueueSettings.of(4, 1, null, null, null), m -> {
            started.add(m.text());
            gates.computeIfAbsent(m.text(), t -> new CountDownLatch(1)).await();
            return Outcome.success();
        });
        eventually("first batch of four", () -> started.size() == 4);
        open("m0", gates);
        open("m1", gates);
        eventually("two finished and deleted", () -> counts().total() == 8);
        eventually("the pump sleeps with two in flight", () -> clock.sleepers() == 1);
        assertThat(pump.running()).isEqualTo(2);
        assertThat(started).hasSize(4);

        open("m2", gates);
        eventually("one left in flight: a new batch of three", () -> started.size() == 7);
        assertThat(pump.running()).isEqualTo(4);
        IntStream.range(0, 10).forEach(i -> open("m" + i, gates));
        eventually("all deleted", () -> counts().total() == 0);
    }

    private static void open(String text, ConcurrentHashMap<String, CountDownLatch> gates) {
        gates.computeIfAbsent(text, t -> new CountDownLatch(1)).countDown();
    }

    @Test
    void longRunningHandler_keepsItsMessageInvisibleByRenewingTheLease() throws Exception {
        var release = new CountDownLatch(1);
        var attempts = new AtomicInteger();
        store.put("orders", "slow");
        start(QueueSettings.defaults(), m -> {
            attempts.incrementAndGet();
            release.await();
            return Outcome.success();
        });
        eventually("handler running", () -> attempts.get() == 1);
        long firstLease = QueueStoreTest.T0.plus(QueueTriggerPump.LEASE).toEpochMilli();
        assertThat(nextVisibleMs()).isEqualTo(firstLease);
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofMinutes(6));
            long expected = QueueStoreTest.T0.plus(Duration.ofMinutes(6L * i)).plus(QueueTriggerPump.LEASE).toEpochMilli();
            eventually("lease renewed after " + 6 * i + " minutes", () -> nextVisibleMs() == expected);
            assertThat(counts().visible()).isZero();
        }
        release.countDown();
        eventually("deleted with the renewed receipt", () -> counts().total() == 0);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void messageAlreadyDequeuedTooOften_goesToPoisonWithoutRunningTheHandler() throws Exception {
        store.put("orders", "crashed-five-times");
        for (int i = 0; i < 5; i++) store.get("orders", 1, Duration.ZERO); // as if five processes died with it
        var attempts = new AtomicInteger();
        start(QueueSettings.defaults(), m -> {
            attempts.incrementAndGet();
            return Outcome.success();
        });
        eventually("moved to the poison queue", () -> counts().poison() == 1);
        assertThat(attempts).hasValue(0);
        assertThat(store.peek("orders-poison", 1).getFirst().dequeueCount()).isEqualTo(6);
    }

    @Test
    void redrive_afterPoisoning_isProcessedAgainByThePump() throws Exception {
        var fail = new java.util.concurrent.atomic.AtomicBoolean(true);
        var handled = new AtomicInteger();
        store.put("orders", "fixed-later");
        start(QueueSettings.of(null, null, 2, null, null), m -> {
            if (fail.get()) return Outcome.failure("bug");
            handled.incrementAndGet();
            return Outcome.success();
        });
        eventually("poisoned", () -> counts().poison() == 1);
        fail.set(false);
        assertThat(store.redrive("orders-poison")).isEqualTo(1);
        eventually("re-driven message handled", () -> handled.get() == 1 && counts().total() == 0);
        assertThat(counts().poison()).isZero();
    }

    @Test
    void close_handlerOutlivesTheGrace_isInterruptedAndItsMessageVisibleAgain() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        store.put("orders", "stuck");
        pump = QueueTriggerPump.start(store, "orders", QueueSettings.defaults(), m -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Outcome.success();
        }, clock, clock, Duration.ofMillis(50));
        assertThat(started.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        pump.close();
        assertThat(interrupted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // Released, not failed: the next delivery is its second, with nothing lost.
        assertThat(store.peek("orders", 1)).extracting(QueueMessage::text).containsExactly("stuck");
        assertThat(store.get("orders", 1, Duration.ofSeconds(30)).getFirst().dequeueCount()).isEqualTo(2);
    }

    @Test
    void close_handlerFinishesWithinTheGrace_hasItsMessageDeleted() throws Exception {
        var started = new CountDownLatch(1);
        store.put("orders", "quick");
        start(QueueSettings.defaults(), m -> {
            started.countDown();
            Thread.sleep(100);
            return Outcome.success();
        });
        assertThat(started.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        pump.close();
        assertThat(counts().total()).isZero();
    }

    @Test
    void realClockAndSleeper_failureIsRetriedOnceItsVisibilityTimeoutHasPassed() throws Exception {
        store.close();
        var real = java.time.Clock.systemUTC();
        store = QueueStore.open(dir.resolve(".berth/berth.db"), real);
        var attempts = new java.util.concurrent.CopyOnWriteArrayList<Long>();
        store.put("orders", "flaky");
        pump = QueueTriggerPump.start(store, "orders", QueueSettings.of(null, null, null, Duration.ofMillis(200), null),
                m -> {
                    attempts.add(System.nanoTime());
                    return attempts.size() == 1 ? Outcome.failure("first time") : Outcome.success();
                }, real);
        eventually("retried and deleted", () -> attempts.size() == 2 && counts().total() == 0);
        assertThat(attempts.get(1) - attempts.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
    }

    private long nextVisibleMs() {
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".berth/berth.db").toAbsolutePath());
             var q = jdbc.createStatement()) {
            var rows = q.executeQuery("SELECT next_visible_ms FROM queue_messages WHERE queue = 'orders'");
            return rows.next() ? rows.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
