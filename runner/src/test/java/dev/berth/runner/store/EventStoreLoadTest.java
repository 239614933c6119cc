package dev.berth.runner.store;

import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.RunnerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The event store under the load of a log flood: many producers, no lost or reordered lines, and
/// commits that survive the process being killed. Timings are printed for the reader, not asserted:
/// the machines that run this are shared and noisy.
class EventStoreLoadTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final int PRODUCERS = 4;
    private static final int LINES_PER_PRODUCER = 12_500;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir Path dir;

    @Test
    void onEvent_fourProducersFiftyThousandLines_allCommittedInEachProducersOrder() throws Exception {
        try (var store = EventStore.open(dir.resolve(".berth/berth.db"), "load")) {
            var go = new CountDownLatch(1);
            var producers = new ArrayList<Future<long[]>>();
            long started;
            try (var pool = Executors.newFixedThreadPool(PRODUCERS)) {
                for (int p = 0; p < PRODUCERS; p++) producers.add(pool.submit(producer(store, "r" + p, go)));
                started = System.nanoTime();
                go.countDown();
            }
            long producedNanos = System.nanoTime() - started;
            store.flush(TIMEOUT);
            long committedNanos = System.nanoTime() - started;

            var stored = store.events("load", 100_000);

            assertThat(stored).hasSize(PRODUCERS * LINES_PER_PRODUCER);
            for (int p = 0; p < PRODUCERS; p++) {
                var replica = "r" + p;
                assertThat(stored.stream().map(LogLine.class::cast).filter(l -> l.replicaId().equals(replica))
                        .map(LogLine::text).toList())
                        .as("lines of %s, in the order it sent them", replica)
                        .containsExactlyElementsOf(IntStream.range(0, LINES_PER_PRODUCER).mapToObj(i -> "line " + i).toList());
            }
            long slowestCall = 0;
            for (var producer : producers) slowestCall = Math.max(slowestCall, producer.get()[1]);
            System.out.printf("EventStoreLoadTest %d lines from %d producers: onEvent calls done in %d ms "
                            + "(slowest single call %.2f ms); all committed after %d ms (%d lines/s)%n",
                    stored.size(), PRODUCERS, producedNanos / 1_000_000, slowestCall / 1e6, committedNanos / 1_000_000,
                    stored.size() * 1_000_000_000L / committedNanos);
        }
    }

    /// Sends its lines as fast as it can; answers {its total time, its slowest `onEvent`} in nanoseconds.
    private static Callable<long[]> producer(EventStore store, String replica, CountDownLatch go) {
        return () -> {
            go.await();
            long start = System.nanoTime();
            long slowest = 0;
            for (int i = 0; i < LINES_PER_PRODUCER; i++) {
                var line = line(replica, i);
                long before = System.nanoTime();
                store.onEvent(line);
                slowest = Math.max(slowest, System.nanoTime() - before);
            }
            return new long[] {System.nanoTime() - start, slowest};
        };
    }

    @Test
    void flushedEvents_writerProcessKilledWithoutClose_areReadByAFreshStore() throws Exception {
        var db = dir.resolve(".berth/berth.db");
        int flushed = 10_000;
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), db.toString(), Integer.toString(flushed))
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            var said = new ArrayList<String>();
            for (String line; (line = out.readLine()) != null && !line.equals(KilledWriter.FLUSHED); ) said.add(line);
            assertThat(child.isAlive()).as("writer still running after its flush; it said: %s", said).isTrue();
            // Kill it while it is busy committing more, so the kill may land mid-transaction.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (countEvents(db) < 3L * flushed && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            // SIGKILL: no close(), no shutdown hook, no last commit.
            child.destroyForcibly();
            assertThat(child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        try (var reopened = EventStore.open(db, "after-kill")) {
            assertThat(reopened.events(KilledWriter.SESSION, flushed))
                    .containsExactlyElementsOf(IntStream.range(0, flushed).mapToObj(i -> line("r0", i)).toList());
        }
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             var check = jdbc.createStatement()) {
            var integrity = check.executeQuery("PRAGMA integrity_check");
            assertThat(integrity.next()).isTrue();
            assertThat(integrity.getString(1)).isEqualTo("ok");
        }
        long onDisk = countEvents(db);
        assertThat(onDisk).isGreaterThanOrEqualTo(flushed);
        System.out.printf("EventStoreLoadTest killed writer: %d events on disk, %d of them flushed before the kill%n",
                onDisk, flushed);
    }

    private static long countEvents(Path db) throws SQLException {
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             var count = jdbc.prepareStatement("SELECT count(*) FROM events WHERE session = ?")) {
            count.setString(1, KilledWriter.SESSION);
            var rows = count.executeQuery();
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static RunnerEvent line(String replica, int n) {
        return new LogLine(T0.plusMillis(n), replica, "stdout", "line " + n);
    }

    /// The process that gets killed: writes and flushes `args[1]` lines to the store at `args[0]`, says
    /// FLUSHED, then keeps writing (flushing every few thousand lines, so the queue stays bounded) until killed.
    static final class KilledWriter {
        static final String FLUSHED = "FLUSHED";
        static final String SESSION = "killed";

        public static void main(String[] args) throws Exception {
            var store = EventStore.open(Path.of(args[0]), SESSION);
            int flushed = Integer.parseInt(args[1]);
            for (int i = 0; i < flushed; i++) store.onEvent(line("r0", i));
            store.flush(TIMEOUT);
            System.out.println(FLUSHED);
            System.out.flush();
            for (int i = flushed; ; i++) {
                store.onEvent(line("r0", i));
                if (i % 2_000 == 0) store.flush(TIMEOUT);
            }
        }
    }
}
