package dev.berth.runner.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;

/// Throughput harness, not a test: `put + get + delete` messages per second through [QueueStore], the
/// median of a few rounds, once with batched calls (32 per call, as the trigger pump gets them) and once
/// with one message per call. Run from the runner module:
/// `java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat cp.txt) dev.berth.runner.queue.QueueStoreBench [messages] [rounds]`
/// (cp.txt from `mvn -pl runner dependency:build-classpath -Dmdep.outputFile=cp.txt`).
public final class QueueStoreBench {
    private QueueStoreBench() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var dir = Files.createTempDirectory("queue-bench");
        try (var store = QueueStore.open(dir.resolve(".berth/berth.db"), Clock.systemUTC())) {
            store.createIfNotExists("bench");
            report("batched (32 per call)", rounds, () -> roundBatched(store, messages), messages);
            report("one message per call", rounds, () -> roundSingle(store, messages / 4), messages / 4);
            pumpLatency(store, 200);
            report("through the trigger pump (no-op handler)", rounds, () -> roundPump(store, messages), messages);
        }
    }

    /// Put → handler started, one message at a time, with the pump idle in between (the p50 target: 20 ms).
    private static void pumpLatency(QueueStore store, int samples) throws Exception {
        store.createIfNotExists("bench-latency");
        var started = new SynchronousQueue<Long>();
        try (var pump = QueueTriggerPump.start(store, "bench-latency", QueueSettings.defaults(), m -> {
            started.put(System.nanoTime());
            return Outcome.success();
        }, Clock.systemUTC())) {
            var nanos = new ArrayList<Long>();
            for (int i = 0; i < samples; i++) {
                Thread.sleep(2); // let the pump go back to sleep, as between real enqueues
                long put = System.nanoTime();
                store.put("bench-latency", "m" + i);
                nanos.add(started.take() - put);
            }
            Collections.sort(nanos);
            System.out.printf(Locale.ROOT, "QueueStoreBench put -> handler started (%d samples): p50 %.2f ms, p99 %.2f ms%n",
                    samples, nanos.get(samples / 2) / 1e6, nanos.get(samples * 99 / 100) / 1e6);
        }
    }

    /// Puts `messages` in batches, then lets a pump with a no-op handler get and delete them all.
    private static long roundPump(QueueStore store, int messages) throws Exception {
        store.createIfNotExists("bench-pump");
        var texts = new ArrayList<String>();
        for (int i = 0; i < QueueLimits.MAX_BATCH; i++) texts.add("{\"order\":" + i + "}");
        var handled = new CountDownLatch(messages);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i += texts.size()) store.putAll("bench-pump", texts, Duration.ZERO, QueueLimits.DEFAULT_TTL);
        try (var pump = QueueTriggerPump.start(store, "bench-pump", new QueueSettings(32, 16, 5, Duration.ZERO,
                Duration.ofSeconds(1)), m -> {
            handled.countDown();
            return Outcome.success();
        }, Clock.systemUTC())) {
            handled.await();
            while (store.counts("bench-pump").total() > 0) Thread.sleep(1);
        }
        return System.nanoTime() - start;
    }

    private interface Round {
        long run() throws Exception;
    }

    private static void report(String label, int rounds, Round round, int messages) throws Exception {
        round.run(); // warm-up: JIT and SQLite page cache
        var rates = new ArrayList<Double>();
        for (int r = 0; r < rounds; r++) rates.add(messages * 1e9 / round.run());
        Collections.sort(rates);
        // The one place this harness talks to its user, like a CLI printer.
        System.out.printf(Locale.ROOT, "QueueStoreBench %s: put+get+delete of %d messages, median %.0f messages/s"
                + " (rounds: %s)%n", label, messages, rates.get(rates.size() / 2),
                rates.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList());
    }

    private static long roundBatched(QueueStore store, int messages) {
        var texts = new ArrayList<String>();
        for (int i = 0; i < QueueLimits.MAX_BATCH; i++) texts.add("{\"order\":" + i + ",\"item\":\"widget\"}");
        long start = System.nanoTime();
        for (int i = 0; i < messages; i += texts.size()) {
            store.putAll("bench", texts, Duration.ZERO, QueueLimits.DEFAULT_TTL);
        }
        int done = 0;
        while (done < messages) {
            List<QueueMessage> got = store.get("bench", QueueLimits.MAX_BATCH, Duration.ofMinutes(5));
            if (got.isEmpty()) throw new IllegalStateException("queue ran dry after " + done);
            store.deleteAll(got);
            done += got.size();
        }
        return System.nanoTime() - start;
    }

    private static long roundSingle(QueueStore store, int messages) {
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) store.put("bench", "{\"order\":" + i + "}");
        for (int i = 0; i < messages; i++) {
            var m = store.get("bench", 1, Duration.ofMinutes(5)).getFirst();
            store.delete("bench", m.id(), m.popReceipt());
        }
        return System.nanoTime() - start;
    }
}
