package dev.berth.runner.blob;

import dev.berth.runner.blob.BlobHandler.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/// Figure for issue 3, not a test: blob written → trigger handler starts, median over 200 puts.
/// "Written" is taken just before `put` is called, so the figure includes the temp-file write, both
/// fsyncs and the metadata commit (`synchronous=FULL`), which dominate it. Run from the repository root:
/// `mvn -q -o -pl runner test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test`
/// then `java -cp runner/target/classes:runner/target/test-classes:$(cat /tmp/cp.txt) dev.berth.runner.blob.BlobTriggerBench`.
public final class BlobTriggerBench {
    private static final Logger log = LoggerFactory.getLogger(BlobTriggerBench.class);
    private static final int PUTS = 200;
    private static final int WARMUP = 20;

    private BlobTriggerBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("berth-blob-bench");
        var clock = Clock.systemUTC();
        var started = new ConcurrentHashMap<String, Long>();
        var done = new CountDownLatch(PUTS + WARMUP);
        try (var store = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock);
             var receipts = BlobReceipts.open(dir.resolve("berth.db"), clock)) {
            store.createContainer("bench");
            // Subscribed before the scanner, so it is told of each commit first: the gap to the handler
            // start is the trigger's own dispatch cost, without the disk.
            var committed = new ConcurrentHashMap<String, Long>();
            store.subscribe(change -> committed.put(change.name(), System.nanoTime()));
            BlobHandler handler = invocation -> {
                started.put(invocation.blob().name(), System.nanoTime());
                done.countDown();
                return Result.SUCCEEDED;
            };
            try (var scanner = new BlobTriggerScanner("bench", BlobPathPattern.parse("bench/{name}"), store, receipts,
                    handler, poison -> log.error("unexpected poison {}", poison), BlobTriggerOptions.DEFAULTS, clock)
                    .start()) {
                long[] putNanos = new long[PUTS + WARMUP];
                long[] putOnly = new long[PUTS + WARMUP];
                byte[] content = new byte[4096];
                for (int i = 0; i < PUTS + WARMUP; i++) {
                    long t0 = System.nanoTime();
                    store.put("bench", "blob-" + i, content, "application/octet-stream");
                    putOnly[i] = System.nanoTime() - t0;
                    putNanos[i] = t0;
                    Thread.sleep(2);
                }
                if (!done.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("not all blobs triggered");
                long[] latency = new long[PUTS];
                long[] dispatch = new long[PUTS];
                long[] putTimes = Arrays.copyOfRange(putOnly, WARMUP, PUTS + WARMUP);
                for (int i = 0; i < PUTS; i++) {
                    String name = "blob-" + (i + WARMUP);
                    latency[i] = started.get(name) - putNanos[i + WARMUP];
                    dispatch[i] = started.get(name) - committed.get(name);
                }
                Arrays.sort(latency);
                Arrays.sort(dispatch);
                Arrays.sort(putTimes);
                log.info("blob written -> trigger started over {} puts of 4 KiB: p50 {} ms, p90 {} ms, max {} ms;"
                                + " put alone p50 {} ms; commit -> handler start p50 {} ms",
                        PUTS, ms(latency[PUTS / 2]), ms(latency[PUTS * 9 / 10]), ms(latency[PUTS - 1]),
                        ms(putTimes[PUTS / 2]), ms(dispatch[PUTS / 2]));
            }
        }
    }

    private static String ms(long nanos) {
        return "%.2f".formatted(nanos / 1e6);
    }
}
