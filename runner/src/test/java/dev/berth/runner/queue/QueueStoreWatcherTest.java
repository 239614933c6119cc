package dev.berth.runner.queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/// Cross-connection wake-up: two stores on one database file stand in for the session and a second
/// process (`berth queue put`); SQLite counts each store's connection as "another connection". The
/// manual clock never moves, so only the data-version watcher can wake the session's side.
class QueueStoreWatcherTest {
    private static final long DEADLINE_S = 10;

    @TempDir Path dir;
    private final ManualClock clock = new ManualClock(QueueStoreTest.T0);
    private QueueStore session;
    private QueueStore cli;

    @BeforeEach
    void open() throws Exception {
        session = QueueStore.open(dir.resolve("berth.db"), clock);
        cli = QueueStore.open(dir.resolve("berth.db"), clock);
        session.createIfNotExists("orders");
    }

    @AfterEach
    void close() {
        cli.close();
        session.close();
    }

    @Test
    void putThroughAnotherStore_wakesTheSessionsPumpWithoutTheClockMoving() throws Exception {
        var handled = new CountDownLatch(1);
        try (var ignored = QueueTriggerPump.start(session, "orders", QueueSettings.defaults(), m -> {
            handled.countDown();
            return Outcome.success();
        }, clock, clock, Duration.ofSeconds(5))) {
            awaitSleeping();
            cli.put("orders", "from the cli");

            assertThat(handled.await(DEADLINE_S, TimeUnit.SECONDS)).as("the pump handled the CLI's message").isTrue();
        }
        assertThat(clock.instant()).isEqualTo(QueueStoreTest.T0);
    }

    @Test
    void putThroughAnotherStore_wakesAnAwaiterLongBeforeItsTimeout() throws Exception {
        var woke = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                if (session.awaitMessages("orders", Duration.ofMinutes(5))) woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cli.put("orders", "hello");

        assertThat(woke.await(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void watcher_reportsCommitsOfOtherConnectionsOnlyWhileRunning() throws Exception {
        var changes = new AtomicInteger();
        var watcher = new DataVersionWatcher(dir.resolve("berth.db"), Duration.ofMillis(10), changes::incrementAndGet);
        watcher.start(); // reads its starting version before it returns: the next commit is news
        cli.put("orders", "one");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
        while (changes.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(changes.get()).isPositive();

        watcher.close();
        int seen = changes.get();
        cli.put("orders", "two");
        Thread.sleep(100);
        assertThat(changes.get()).as("no reports after close").isEqualTo(seen);
    }

    /// Waits until the pump loop sleeps on the manual clock, so the put below cannot be seen by a fetch
    /// that was already under way.
    private void awaitSleeping() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
        while (clock.sleepers() == 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the pump never went to sleep");
            Thread.sleep(2);
        }
    }
}
