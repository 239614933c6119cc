package dev.berth.runner.blob;

import dev.berth.runner.blob.BlobHandler.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class BlobTriggerScannerTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final BlobTriggerOptions FAST =
            new BlobTriggerOptions(4, 5, Duration.ZERO).withRescanInterval(Duration.ZERO);

    @TempDir Path dir;
    private final BlobTestClock clock = new BlobTestClock(T0);
    private final List<BlobInvocation> invocations = new CopyOnWriteArrayList<>();
    private final List<BlobPoison> poisoned = new CopyOnWriteArrayList<>();
    private BlobStore store;
    private BlobReceipts receipts;
    private BlobTriggerScanner scanner;

    @BeforeEach
    void open() throws Exception {
        store = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock);
        receipts = BlobReceipts.open(dir.resolve("berth.db"), clock);
        store.createContainer("images");
    }

    @AfterEach
    void close() {
        if (scanner != null) scanner.close();
        receipts.close();
        store.close();
    }

    private BlobTriggerScanner start(String pattern, BlobHandler handler, BlobTriggerOptions options) {
        scanner = new BlobTriggerScanner("resize", BlobPathPattern.parse(pattern), store, receipts, handler,
                poisoned::add, options, clock).start();
        return scanner;
    }

    private BlobHandler succeeding() {
        return invocation -> {
            invocations.add(invocation);
            return Result.SUCCEEDED;
        };
    }

    private BlobProperties put(String name, String text) {
        return store.put("images", name, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private void awaitIdle() {
        await("the scanner to finish its work", () -> scanner.inFlight() == 0);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private List<String> handledNames() {
        return invocations.stream().map(i -> i.blob().name()).toList();
    }

    @Test
    void put_matchingBlob_triggersHandlerWithBindingData() {
        start("images/{name}.png", succeeding(), FAST);
        put("readme.txt", "not a png");
        var blob = put("cats/tom.png", "meow");
        awaitIdle();
        assertThat(invocations).hasSize(1);
        var invocation = invocations.getFirst();
        assertThat(invocation.function()).isEqualTo("resize");
        assertThat(invocation.blob()).isEqualTo(blob);
        assertThat(invocation.attempt()).isEqualTo(1);
        assertThat(invocation.bindingData()).isEqualTo(Map.of("name", "cats/tom", "BlobTrigger",
                "images/cats/tom.png", "Uri", "/images/cats/tom.png"));
        assertThat(receipts.isComplete("resize", "images", "cats/tom.png", blob.eTag())).isTrue();
    }

    @Test
    void sameVersion_triggersOnce_newVersion_triggersAgain() {
        start("images/{name}", succeeding(), FAST);
        var v1 = put("a", "1");
        awaitIdle();
        // A second scanner on the same version (what a duplicate notification amounts to) does nothing.
        scanner.close();
        start("images/{name}", succeeding(), FAST);
        awaitIdle();
        assertThat(invocations).extracting(i -> i.blob().eTag()).containsExactly(v1.eTag());
        var v2 = put("a", "2");
        awaitIdle();
        assertThat(invocations).extracting(i -> i.blob().eTag()).containsExactly(v1.eTag(), v2.eTag());
    }

    @Test
    void restart_doesNotRetriggerProcessed_butCatchesUpOnBlobsWrittenWhileDown() throws Exception {
        start("images/{name}", succeeding(), FAST);
        put("done-before", "1");
        var changedWhileDown = put("changed-while-down", "1");
        awaitIdle();
        scanner.close();
        receipts.close();
        store.close();
        invocations.clear();

        // While Berth is down, the store is written by someone else (e.g. the CLI).
        try (var offline = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock)) {
            offline.put("images", "new-while-down", "n".getBytes(StandardCharsets.UTF_8), "text/plain");
            offline.put("images", "changed-while-down", "2".getBytes(StandardCharsets.UTF_8), "text/plain");
        }

        store = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock);
        receipts = BlobReceipts.open(dir.resolve("berth.db"), clock);
        start("images/{name}", succeeding(), FAST);
        awaitIdle();
        assertThat(handledNames()).containsExactlyInAnyOrder("new-while-down", "changed-while-down");
        assertThat(invocations).noneMatch(i -> i.blob().eTag().equals(changedWhileDown.eTag()));
    }

    @Test
    void alwaysFailing_triesFiveTimesThenPoisonsOnceWithDetails() throws Exception {
        var attempts = new CopyOnWriteArrayList<Integer>();
        start("images/{name}", invocation -> {
            attempts.add(invocation.attempt());
            if (invocation.attempt() % 2 == 0) throw new IllegalStateException("thumbnail service down");
            return new Result.Failed("exit code 1");
        }, FAST);
        var blob = put("bad.png", "x");
        awaitIdle();
        assertThat(attempts).containsExactly(1, 2, 3, 4, 5);
        assertThat(poisoned).containsExactly(new BlobPoison("resize", "images", "bad.png", blob.eTag(), 5,
                "exit code 1", T0));
        assertThat(poisoned.getFirst().azureMessageJson()).isEqualTo("{\"Type\":\"BlobTrigger\",\"FunctionId\":"
                + "\"resize\",\"BlobType\":\"BlockBlob\",\"ContainerName\":\"images\",\"BlobName\":\"bad.png\","
                + "\"ETag\":\"\\\"" + blob.eTag().substring(1, blob.eTag().length() - 1) + "\\\"\"}");

        scanner.close();
        start("images/{name}", succeeding(), FAST);
        awaitIdle();
        assertThat(invocations).isEmpty();
        assertThat(poisoned).hasSize(1);
    }

    @Test
    void failingTwiceThenSucceeding_isRetriedAndNotPoisoned() {
        var calls = new AtomicInteger();
        start("images/{name}", invocation -> {
            invocations.add(invocation);
            return calls.incrementAndGet() <= 2 ? new Result.Failed("flaky") : Result.SUCCEEDED;
        }, FAST);
        var blob = put("a", "1");
        awaitIdle();
        assertThat(invocations).extracting(BlobInvocation::attempt).containsExactly(1, 2, 3);
        assertThat(poisoned).isEmpty();
        assertThat(receipts.isComplete("resize", "images", "a", blob.eTag())).isTrue();
    }

    @Test
    void restartAfterThreeFailures_getsOnlyTheRemainingTwoAttempts() {
        var blob = put("a", "1");
        for (int i = 0; i < 3; i++) receipts.recordFailure("resize", "images", "a", blob.eTag(), "earlier");
        var attempts = new CopyOnWriteArrayList<Integer>();
        start("images/{name}", invocation -> {
            attempts.add(invocation.attempt());
            return new Result.Failed("still broken");
        }, FAST);
        awaitIdle();
        assertThat(attempts).containsExactly(4, 5);
        assertThat(poisoned).singleElement().extracting(BlobPoison::attempts).isEqualTo(5);
    }

    @Test
    void manyBlobs_runAtMostMaxConcurrencyAtOnce() throws Exception {
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        var release = new CountDownLatch(1);
        start("images/{name}", invocation -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } finally {
                running.decrementAndGet();
            }
            invocations.add(invocation);
            return Result.SUCCEEDED;
        }, new BlobTriggerOptions(2, 5, Duration.ZERO).withRescanInterval(Duration.ZERO));
        for (int i = 0; i < 6; i++) put("b" + i, "x");
        await("two handlers running", () -> running.get() == 2);
        assertThat(scanner.inFlight()).isEqualTo(6);
        release.countDown();
        awaitIdle();
        assertThat(peak.get()).isEqualTo(2);
        assertThat(handledNames()).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4", "b5");
    }

    @Test
    void versionOverwrittenBeforeItRuns_onlyTheNewestVersionTriggers() throws Exception {
        var release = new CountDownLatch(1);
        start("images/{name}", invocation -> {
            if (invocation.blob().name().equals("blocker")) release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            invocations.add(invocation);
            return Result.SUCCEEDED;
        }, new BlobTriggerOptions(1, 5, Duration.ZERO).withRescanInterval(Duration.ZERO));
        put("blocker", "x");
        await("the blocker to hold the only slot", () -> scanner.inFlight() == 1);
        put("a", "v1");
        var v2 = put("a", "v2");
        release.countDown();
        awaitIdle();
        assertThat(invocations).filteredOn(i -> i.blob().name().equals("a"))
                .singleElement().extracting(i -> i.blob().eTag()).isEqualTo(v2.eTag());
    }

    @Test
    void containerCreatedAfterStart_blobsTriggerThroughTheListener() {
        start("late/{name}", succeeding(), FAST);
        store.createContainer("late");
        store.put("late", "x", new byte[] {1}, null);
        awaitIdle();
        assertThat(handledNames()).containsExactly("x");
    }

    @Test
    void deleteAndOtherContainers_doNotTrigger() {
        store.createContainer("other");
        start("images/{name}", succeeding(), FAST);
        store.put("other", "a", new byte[] {1}, null);
        var kept = put("a", "1");
        awaitIdle();
        store.delete("images", "a");
        awaitIdle();
        assertThat(invocations).extracting(i -> i.blob().eTag()).containsExactly(kept.eTag());
    }

    @Test
    void close_whileHandlerRuns_doesNotCountAFailedAttempt() throws Exception {
        var started = new CountDownLatch(1);
        scanner = new BlobTriggerScanner("resize", BlobPathPattern.parse("images/{name}"), store, receipts,
                invocation -> {
                    started.countDown();
                    Thread.sleep(DEADLINE.toMillis() * 10);
                    return Result.SUCCEEDED;
                }, poisoned::add, FAST.withCloseGrace(Duration.ofMillis(100)), clock).start();
        var blob = put("a", "1");
        assertThat(started.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        var closing = Thread.ofVirtual().start(scanner::close);
        closing.join(Duration.ofSeconds(30));
        assertThat(closing.isAlive()).isFalse();
        assertThat(scanner.inFlight()).isZero();
        assertThat(receipts.failedAttempts("resize", "images", "a", blob.eTag())).isZero();
        assertThat(receipts.isComplete("resize", "images", "a", blob.eTag())).isFalse();
        assertThat(poisoned).isEmpty();
    }

    @Test
    void blobWrittenByAnotherProcess_isPickedUpByTheRescan() throws Exception {
        start("images/{name}", succeeding(), FAST.withRescanInterval(Duration.ofMillis(20)));
        // A second store on the same files stands in for `berth blob put` in another process: its
        // change notifications never reach this scanner.
        try (var cli = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock)) {
            cli.put("images", "from-cli", new byte[] {1}, null);
        }
        await("the rescan to trigger the CLI's blob", () -> invocations.size() == 1);
        assertThat(handledNames()).containsExactly("from-cli");
        awaitIdle();
        var before = invocations.size();
        Thread.sleep(100);
        assertThat(invocations).hasSize(before);
    }

    @Test
    void blobWrittenThroughAnotherConnection_wakesTheScannerWithoutAnyRescanInterval() throws Exception {
        // No periodic rescan and a clock that never moves: only the store's data-version watcher can
        // tell this scanner about a write made on another connection (as `berth blob put` does).
        start("images/{name}", succeeding(), FAST);
        try (var cli = BlobStore.open(dir.resolve("berth.db"), dir.resolve("blobs"), clock)) {
            cli.put("images", "from-cli", new byte[] {1}, null);
        }
        await("the watcher to wake a catch-up for the CLI's blob", () -> invocations.size() == 1);
        assertThat(handledNames()).containsExactly("from-cli");
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void close_stopsReactingToNewBlobs() {
        start("images/{name}", succeeding(), FAST);
        scanner.close();
        put("a", "1");
        assertThat(scanner.inFlight()).isZero();
        assertThat(invocations).isEmpty();
    }
}
