package dev.berth.runner.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/// The Azure Functions queue trigger's delivery loop over one embedded queue, independent of how a
/// function is invoked: it dequeues batches of up to `batchSize`, runs the [MessageHandler] on a virtual
/// thread per message, fetches again when in-flight messages drop to `newBatchThreshold`, deletes on
/// success, retries after `visibilityTimeout` on failure, and moves a message that fails on its
/// `maxDequeueCount`-th delivery to `<queue>-poison`. While a handler runs, its message's lease (the
/// visibility timeout of the get, 10 minutes as in the Functions host) is renewed at half time.
///
/// A put wakes the loop at once (from another process: within ~100 ms, via the store's data-version
/// watcher); otherwise it polls with exponential back-off up to `maxPollingInterval`, which only matters
/// for messages becoming visible again after a delay or visibility timeout.
///
/// Threading: one loop thread owns every store call about in-flight messages (so pop receipts never race);
/// handlers run on their own virtual threads and hand their outcome back to it. [#close] is thread-safe.
public final class QueueTriggerPump implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueTriggerPump.class);
    /// How long a dequeued message stays invisible before its lease is renewed; the Functions host uses 10 min.
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final QueueStore store;
    private final Duration lease;
    private final String queue;
    private final QueueSettings settings;
    private final MessageHandler handler;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration shutdownGrace;
    private final Wakeup wakeup = new Wakeup();
    private final AtomicBoolean added = new AtomicBoolean(true);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>(); // loop thread only
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final QueueStore.Subscription subscription;
    private final Thread loop;
    private final Backoff poll;
    private Instant nextPoll; // loop thread only

    /// A dequeued message whose handler runs; `receipt` and `renewAt` change when the lease is renewed.
    private static final class InFlight {
        final QueueMessage message;
        String receipt;
        Instant renewAt;

        InFlight(QueueMessage message, Instant renewAt) {
            this.message = message;
            this.receipt = message.popReceipt();
            this.renewAt = renewAt;
        }
    }

    private record Done(String id, Outcome outcome) {}

    private QueueTriggerPump(QueueStore store, String queue, QueueSettings settings, MessageHandler handler,
                             Clock clock, Sleeper sleeper, Duration shutdownGrace, Duration lease) {
        QueueLimits.poisonName(queue); // refuses a queue whose poison queue Azure could not create
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) throw new IllegalArgumentException("lease " + lease + " is under 2 s");
        this.lease = lease;
        this.store = store;
        this.queue = queue;
        this.settings = settings;
        this.handler = handler;
        this.clock = clock;
        this.sleeper = sleeper;
        this.shutdownGrace = shutdownGrace;
        store.createIfNotExists(queue);
        this.subscription = store.onMessagesAdded(queue, () -> {
            added.set(true);
            wakeup.signal();
        });
        this.poll = new Backoff(settings.maxPollingInterval());
        this.nextPoll = clock.instant();
        this.loop = Thread.ofVirtual().name("queue-pump-" + queue).unstarted(this::runLoop);
    }

    /// Starts pumping `queue` (created when missing). `shutdownGrace` is how long [#close] waits for running
    /// handlers before interrupting them.
    public static QueueTriggerPump start(QueueStore store, String queue, QueueSettings settings, MessageHandler handler,
                                         Clock clock, Sleeper sleeper, Duration shutdownGrace) {
        return start(store, queue, settings, handler, clock, sleeper, shutdownGrace, LEASE);
    }

    /// As above with the lease of in-flight messages given: how long a message stays invisible after a
    /// crash of this process before another delivery (renewed at half time while its handler runs).
    public static QueueTriggerPump start(QueueStore store, String queue, QueueSettings settings, MessageHandler handler,
                                         Clock clock, Sleeper sleeper, Duration shutdownGrace, Duration lease) {
        var pump = new QueueTriggerPump(store, queue, settings, handler, clock, sleeper, shutdownGrace, lease);
        pump.loop.start();
        return pump;
    }

    /// Starts pumping with real waiting and a 30-second shutdown grace.
    public static QueueTriggerPump start(QueueStore store, String queue, QueueSettings settings, MessageHandler handler,
                                         Clock clock) {
        return start(store, queue, settings, handler, clock, Sleeper.of(clock), Duration.ofSeconds(30));
    }

    public String queue() {
        return queue;
    }

    /// Handlers running right now.
    public int running() {
        return running.get();
    }

    private void runLoop() {
        while (!closing.get()) {
            try {
                applyOutcomes();
                Instant now = clock.instant();
                renewDue(now);
                boolean canFetch = inFlight.size() <= settings.newBatchThreshold();
                if (canFetch && (added.getAndSet(false) || !now.isBefore(nextPoll))) {
                    nextPoll = fetch(now);
                    continue; // one more pass: the fetch may have filled only part of the batch
                }
                sleeper.sleepUntil(earliest(canFetch ? nextPoll : Instant.MAX, nextRenewal()), wakeup);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closing.get()) return;
                log.warn("queue trigger on '{}': {}; retrying after {}", queue, e.getMessage(), poll.peek(), e);
                nextPoll = clock.instant().plus(poll.next());
                sleepQuietly(nextPoll);
            }
        }
    }

    /// Dequeues up to the free capacity and starts a handler per message; answers when to poll next.
    private Instant fetch(Instant now) {
        int want = Math.min(settings.batchSize() - inFlight.size(), QueueLimits.MAX_BATCH);
        var got = store.get(queue, want, lease);
        Instant renewAt = now.plus(lease.dividedBy(2));
        for (var message : got) {
            if (message.dequeueCount() > settings.maxDequeueCount()) {
                // Delivered too often already (e.g. its handler's process died each time): never run it again.
                fail(message, "dequeued " + message.dequeueCount() + " times, more than maxDequeueCount");
                continue;
            }
            inFlight.put(message.id(), new InFlight(message, renewAt));
            running.incrementAndGet();
            handlers.execute(() -> invoke(message));
        }
        if (got.isEmpty()) return now.plus(poll.next());
        poll.reset();
        return got.size() == want ? now : now.plus(poll.peek());
    }

    private void invoke(QueueMessage message) {
        Outcome outcome;
        try {
            outcome = handler.handle(message);
            if (outcome == null) outcome = Outcome.failure("the handler returned no outcome");
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            outcome = Outcome.failure(e.toString());
        } catch (Error e) {
            outcome = Outcome.failure(e.toString());
        } finally {
            running.decrementAndGet();
        }
        done.add(new Done(message.id(), outcome));
        wakeup.signal();
    }

    /// Deletes the successes in one transaction, retries or poisons the failures.
    private void applyOutcomes() {
        var succeeded = new ArrayList<QueueMessage>();
        for (Done d; (d = done.poll()) != null; ) {
            var entry = inFlight.remove(d.id());
            if (entry == null) continue;
            var held = withReceipt(entry);
            switch (d.outcome()) {
                case Outcome.Success s -> succeeded.add(held);
                case Outcome.Failure f -> fail(held, f.reason());
            }
        }
        if (succeeded.isEmpty()) return;
        try {
            store.deleteAll(succeeded);
        } catch (QueueException e) {
            // One lost lease refuses the whole batch; delete the others one by one.
            succeeded.forEach(m -> settle("delete", m, () -> store.delete(queue, m.id(), m.popReceipt())));
        }
    }

    private void fail(QueueMessage m, String reason) {
        if (m.dequeueCount() >= settings.maxDequeueCount()) {
            log.warn("queue trigger on '{}': message {} failed on delivery {} of {} ({}); moving it to the poison queue",
                    queue, m.id(), m.dequeueCount(), settings.maxDequeueCount(), reason);
            settle("move to poison", m, () -> store.moveToPoison(queue, m.id(), m.popReceipt()));
            return;
        }
        log.debug("queue trigger on '{}': message {} failed on delivery {} ({}); retrying after {}",
                queue, m.id(), m.dequeueCount(), reason, settings.visibilityTimeout());
        settle("release", m, () -> store.update(queue, m.id(), m.popReceipt(), settings.visibilityTimeout(), null));
        // Look again exactly when it becomes visible, not at the next back-off poll.
        poll.reset();
        nextPoll = earliest(nextPoll, clock.instant().plus(settings.visibilityTimeout()));
    }

    /// Runs a store call about a message whose lease may be lost (e.g. cleared meanwhile); losing it is
    /// not an error of the pump: the message is gone or someone else holds it.
    private void settle(String action, QueueMessage m, Runnable call) {
        try {
            call.run();
        } catch (QueueException e) {
            log.warn("queue trigger on '{}': cannot {} message {}: {}", queue, action, m.id(), e.getMessage());
        }
    }

    private void renewDue(Instant now) {
        for (var entry : inFlight.values()) {
            if (now.isBefore(entry.renewAt)) continue;
            try {
                entry.receipt = store.update(queue, entry.message.id(), entry.receipt, lease, null).popReceipt();
                entry.renewAt = now.plus(lease.dividedBy(2));
            } catch (QueueException e) {
                log.warn("queue trigger on '{}': lost the lease of message {} while its handler runs: {}",
                        queue, entry.message.id(), e.getMessage());
                entry.renewAt = Instant.MAX;
            }
        }
    }

    private Instant nextRenewal() {
        return inFlight.values().stream().map(e -> e.renewAt).min(Instant::compareTo).orElse(Instant.MAX);
    }

    private static QueueMessage withReceipt(InFlight e) {
        var m = e.message;
        return new QueueMessage(m.queue(), m.id(), m.text(), m.insertionTime(), m.expirationTime(), e.receipt,
                m.nextVisibleTime(), m.dequeueCount());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void sleepQuietly(Instant until) {
        try {
            sleeper.sleepUntil(until, wakeup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /// Stops fetching, waits up to the shutdown grace for running handlers and settles their outcomes,
    /// interrupts the rest and makes their messages visible again at once (at-least-once, nothing lost).
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        subscription.close();
        wakeup.signal();
        try {
            loop.join();
            handlers.shutdown();
            if (!handlers.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) handlers.shutdownNow();
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        applyOutcomes();
        releaseUnfinished();
    }

    private void releaseUnfinished() {
        for (var entry : List.copyOf(inFlight.values())) {
            var m = withReceipt(entry);
            settle("release", m, () -> store.update(queue, m.id(), m.popReceipt(), Duration.ZERO, null));
        }
        inFlight.clear();
    }

    /// Exponential back-off of empty polls, from 100 ms to the maximum polling interval, as the Functions host.
    private static final class Backoff {
        private final Duration max;
        private Duration current = QueueSettings.MIN_POLLING_INTERVAL;

        Backoff(Duration max) {
            this.max = max;
        }

        Duration peek() {
            return current;
        }

        Duration next() {
            var now = current;
            current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
            return now;
        }

        void reset() {
            current = QueueSettings.MIN_POLLING_INTERVAL;
        }
    }
}
