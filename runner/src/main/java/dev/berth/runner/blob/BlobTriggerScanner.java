package dev.berth.runner.blob;

import dev.berth.runner.blob.BlobChange.BlobCreated;
import dev.berth.runner.blob.BlobHandler.Result;
import dev.berth.runner.queue.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/// Drives one `blobTrigger` function: at `start` it catches up on every matching blob whose current
/// version has no receipt (blobs written while Berth was down), then reacts to the store's change
/// notifications at once. Writes by other processes (the store cannot describe them) wake a catch-up
/// within ~100 ms through [BlobStore#onExternalChange]. Each version runs on its own virtual thread, at most `maxConcurrency` at a
/// time; failures are retried up to `maxAttempts` in total, then the version goes to the `PoisonSink`.
/// Thread-safe; `close` stops taking work and waits briefly for running handlers.
public final class BlobTriggerScanner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlobTriggerScanner.class);

    private final String function;
    private final BlobPathPattern pattern;
    private final BlobStore store;
    private final BlobReceipts receipts;
    private final BlobHandler handler;
    private final PoisonSink poison;
    private final BlobTriggerOptions options;
    private final Clock clock;
    private final Semaphore slots;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Wakeup rescan = new Wakeup();
    private volatile AutoCloseable subscription;
    private volatile AutoCloseable externalSubscription;
    private volatile Thread rescanner;
    private volatile boolean closed;

    public BlobTriggerScanner(String function, BlobPathPattern pattern, BlobStore store, BlobReceipts receipts,
                              BlobHandler handler, PoisonSink poison, BlobTriggerOptions options, Clock clock) {
        this.function = function;
        this.pattern = pattern;
        this.store = store;
        this.receipts = receipts;
        this.handler = handler;
        this.poison = poison;
        this.options = options;
        this.clock = clock;
        this.slots = new Semaphore(options.maxConcurrency());
    }

    /// Subscribes, then catches up on unprocessed versions; subscribing first means nothing written
    /// during the scan is missed (a version seen twice is deduplicated). The catch-up repeats on its own
    /// virtual thread whenever another connection commits to the database, and every `rescanInterval`
    /// (unless zero) as a safety net.
    public BlobTriggerScanner start() {
        subscription = store.subscribe(this::onChange);
        externalSubscription = store.onExternalChange(rescan::signal);
        catchUp();
        rescanner = Thread.ofVirtual().name("blob-rescan-" + function).start(this::rescanLoop);
        return this;
    }

    private void catchUp() {
        for (var version : receipts.unprocessed(function, pattern.container())) {
            if (closed) return;
            if (pattern.match(version.container(), version.name()).isPresent()) {
                submit(version.container(), version.name(), version.eTag());
            }
        }
    }

    private void rescanLoop() {
        while (!closed) {
            try {
                var interval = options.rescanInterval();
                // Zero turns the periodic rescan off; external changes still wake the loop.
                rescan.await(interval.isZero() ? Duration.ofDays(365) : interval);
                if (!closed) catchUp();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("blob trigger {}: rescan of '{}' failed: {}", function, pattern.container(), e.toString());
            }
        }
    }

    private void onChange(BlobChange change) {
        if (change instanceof BlobCreated created && pattern.match(created.container(), created.name()).isPresent()) {
            submit(created.container(), created.name(), created.eTag());
        }
    }

    private void submit(String container, String name, String eTag) {
        String key = container + '\u0000' + name + '\u0000' + eTag;
        if (closed || !inFlight.add(key)) return;
        try {
            threads.execute(() -> {
                try {
                    slots.acquire();
                    try {
                        process(container, name, eTag);
                    } finally {
                        slots.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.error("blob trigger {} on {}/{}: {}", function, container, name, e.toString(), e);
                } finally {
                    inFlight.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
        }
    }

    private void process(String container, String name, String eTag) throws InterruptedException {
        while (!closed) {
            if (receipts.isComplete(function, container, name, eTag)) return;
            BlobProperties blob;
            try {
                blob = store.getProperties(container, name);
            } catch (BlobNotFoundException e) {
                return;
            }
            // A newer version supersedes this one and triggers on its own.
            if (!blob.eTag().equals(eTag)) return;
            int failed = receipts.failedAttempts(function, container, name, eTag);
            if (failed >= options.maxAttempts()) {
                poison(blob, failed, "earlier attempts failed");
                return;
            }
            String error = attempt(blob, failed + 1);
            // An attempt cut short by close is not the function's fault: the next start retries it.
            if (closed && error != null) return;
            if (error == null) {
                receipts.markDone(function, container, name, eTag);
                return;
            }
            failed = receipts.recordFailure(function, container, name, eTag, error);
            log.warn("blob trigger {} failed on {} (attempt {} of {}): {}", function, blob.path(), failed,
                    options.maxAttempts(), error);
            if (failed >= options.maxAttempts()) {
                poison(blob, failed, error);
                return;
            }
            sleep(options.retryDelay());
        }
    }

    /// Runs the handler once; returns null on success, else the reason.
    private String attempt(BlobProperties blob, int attempt) throws InterruptedException {
        var pathValues = pattern.match(blob.container(), blob.name()).orElseThrow();
        Map<String, String> binding = new LinkedHashMap<>(pathValues);
        binding.put("BlobTrigger", blob.path());
        binding.put("Uri", "/" + blob.path());
        try {
            return switch (handler.handle(new BlobInvocation(function, blob, binding, attempt))) {
                case Result.Succeeded ignored -> null;
                case Result.Failed failed -> failed.reason() == null ? "failed" : failed.reason();
                case null -> "the handler returned no result";
            };
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return e.toString();
        }
    }

    private void poison(BlobProperties blob, int attempts, String lastError) {
        var entry = new BlobPoison(function, blob.container(), blob.name(), blob.eTag(), attempts, lastError,
                clock.instant());
        try {
            poison.poison(entry);
        } catch (RuntimeException e) {
            log.error("poison sink failed for {} of function {}: {}", blob.path(), function, e.toString(), e);
        }
        receipts.markPoisoned(function, blob.container(), blob.name(), blob.eTag());
    }

    private static void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero()) Thread.sleep(delay);
    }

    /// Versions queued or running right now (for views and tests).
    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            if (subscription != null) subscription.close();
            if (externalSubscription != null) externalSubscription.close();
        } catch (Exception e) {
            log.warn("unsubscribing blob trigger {}: {}", function, e.toString());
        }
        if (rescanner != null) rescanner.interrupt();
        threads.shutdown();
        try {
            long graceMs = options.closeGrace().toMillis();
            if (!threads.awaitTermination(graceMs, TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                // Interrupted handlers get a moment to unwind, so their versions are not left half-recorded.
                if (!threads.awaitTermination(graceMs, TimeUnit.MILLISECONDS)) {
                    log.warn("blob trigger {}: handlers still running after close", function);
                }
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
