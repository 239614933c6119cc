package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.DeadLetter.Reason;
import dev.berth.runner.eventgrid.EventDelivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/// Berth's local Event Grid: matches published events to subscriptions and delivers each (event,
/// subscription) pair at least once through an [EventDelivery]. A failed attempt is retried on the
/// [RetrySchedule] until the subscription's `maxDeliveryAttempts` or `eventTtl` runs out; then the event is
/// dead-lettered: kept in [#deadLetters()] and reported as a [DeliveryNotice.DeadLettered].
/// Delivery state lives in memory: events still waiting for a retry when Berth stops are lost (Azure keeps
/// them; see the report of issue 3). Thread-safe: publish from any thread; attempts run on the scheduler's
/// threads. Close to stop delivering.
public final class EventGridRouter implements AutoCloseable {
    /// How many dead letters are kept for [#deadLetters()]; older ones are dropped (they were reported).
    public static final int DEAD_LETTERS_KEPT = 1000;
    /// The `topic` of events raised by the embedded blob store, shaped like an Azure resource id.
    public static final String STORAGE_TOPIC =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/berth-local/providers/Microsoft.Storage/storageAccounts/berth";
    private static final String TOPIC_PREFIX =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/berth-local/providers/Microsoft.EventGrid/topics/";
    private static final Logger log = LoggerFactory.getLogger(EventGridRouter.class);

    private final List<Subscription> subscriptions;
    private final EventDelivery delivery;
    private final DeliveryScheduler scheduler;
    private final RetrySchedule retry;
    private final Clock clock;
    private final Consumer<DeliveryNotice> notices;
    private final ArrayDeque<DeadLetter> deadLetters = new ArrayDeque<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    /// `notices` is called on delivery threads and must not block for long.
    public EventGridRouter(List<Subscription> subscriptions, EventDelivery delivery, DeliveryScheduler scheduler,
                           RetrySchedule retry, Clock clock, Consumer<DeliveryNotice> notices) {
        this.subscriptions = List.copyOf(subscriptions);
        this.delivery = delivery;
        this.scheduler = scheduler;
        this.retry = retry;
        this.clock = clock;
        this.notices = notices;
    }

    /// A router on virtual threads that waits up to 5 s at close for deliveries under way.
    public static EventGridRouter start(List<Subscription> subscriptions, EventDelivery delivery, RetrySchedule retry,
                                        Clock clock, Consumer<DeliveryNotice> notices) {
        return new EventGridRouter(subscriptions, delivery, new VirtualThreadScheduler(Duration.ofSeconds(5)), retry,
                clock, notices);
    }

    /// The resource-id-like `topic` Berth gives events published to the custom topic `name`.
    public static String topicPath(String name) { return TOPIC_PREFIX + name; }

    public List<Subscription> subscriptions() { return subscriptions; }

    /// Queues delivery of `events`, published to custom topic `topic`, to every matching subscription, and
    /// returns how many deliveries were queued (0 when nothing subscribes: the events are dropped, as in Azure).
    public int publish(String topic, List<Event> events) {
        var path = topicPath(topic);
        return route(events.stream().map(e -> e.withTopicIfAbsent(path)).toList(), s -> s.listensTo(topic));
    }

    /// As [#publish], for events raised by the embedded blob store (subscriptions with `source: storage`).
    public int publishStorage(List<Event> events) {
        return route(events.stream().map(e -> e.withTopicIfAbsent(STORAGE_TOPIC)).toList(), Subscription::listensToStorage);
    }

    /// Deliveries queued or waiting for a retry, not yet delivered or dead-lettered.
    public int pending() { return pending.get(); }

    /// The most recent dead letters, oldest first.
    public List<DeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    private int route(List<Event> events, java.util.function.Predicate<Subscription> source) {
        if (closed) throw new IllegalStateException("the Event Grid router is closed");
        var publishedAt = clock.instant();
        var queued = new ArrayList<Attempts>();
        for (var event : events) {
            for (var subscription : subscriptions) {
                if (source.test(subscription) && subscription.filter().matches(event)) {
                    queued.add(new Attempts(subscription, event, publishedAt));
                }
            }
        }
        pending.addAndGet(queued.size());
        for (var attempts : queued) scheduler.schedule(Duration.ZERO, attempts::next);
        if (queued.isEmpty()) log.debug("{} event(s) matched no subscription and were dropped", events.size());
        return queued.size();
    }

    /// The delivery of one event to one subscription. Only one attempt runs at a time (the next is scheduled
    /// when the previous ends), and scheduling hands the fields over safely, so they need no locks.
    private final class Attempts {
        private final Subscription subscription;
        private final Event event;
        private final Instant publishedAt;
        private final Instant expiresAt;
        private int made;
        private String lastError = "";

        Attempts(Subscription subscription, Event event, Instant publishedAt) {
            this.subscription = subscription;
            this.event = event;
            this.publishedAt = publishedAt;
            this.expiresAt = publishedAt.plus(subscription.eventTtl());
        }

        void next() {
            if (closed) return;
            if (!clock.instant().isBefore(expiresAt)) {
                deadLetter(Reason.TIME_TO_LIVE_EXCEEDED);
                return;
            }
            made++;
            Outcome outcome;
            try {
                outcome = delivery.deliver(subscription, event, made);
            } catch (RuntimeException e) {
                log.warn("delivering event {} to {} threw", event.id(), subscription.function(), e);
                outcome = new Outcome.Failed(e.toString(), true);
            }
            switch (outcome) {
                case Outcome.Delivered d -> delivered();
                case Outcome.Failed f -> failed(f);
            }
        }

        private void delivered() {
            pending.decrementAndGet();
            notify(new DeliveryNotice.Delivered(subscription.name(), subscription.function(), event, made, clock.instant()));
        }

        private void failed(Outcome.Failed failure) {
            lastError = failure.error();
            if (!failure.retryable()) {
                deadLetter(Reason.NOT_RETRYABLE);
            } else if (made >= subscription.maxDeliveryAttempts()) {
                deadLetter(Reason.MAX_DELIVERY_ATTEMPTS_EXCEEDED);
            } else {
                var now = clock.instant();
                var delay = retry.delayAfter(made);
                if (now.plus(delay).isBefore(expiresAt)) {
                    scheduler.schedule(delay, this::next);
                    notify(new DeliveryNotice.RetryScheduled(subscription.name(), subscription.function(), event, made,
                            lastError, now.plus(delay)));
                } else {
                    // Event Grid gives up when the time to live ends, not at the next attempt after it.
                    scheduler.schedule(Duration.between(now, expiresAt), () -> deadLetter(Reason.TIME_TO_LIVE_EXCEEDED));
                }
            }
        }

        private void deadLetter(Reason reason) {
            if (closed) return;
            pending.decrementAndGet();
            var letter = new DeadLetter(subscription.name(), subscription.function(), event, reason, made,
                    lastError.isEmpty() ? "no attempt was made" : lastError, publishedAt, clock.instant());
            log.warn("Event Grid: {}", letter.describe());
            synchronized (deadLetters) {
                if (deadLetters.size() == DEAD_LETTERS_KEPT) deadLetters.removeFirst();
                deadLetters.addLast(letter);
            }
            notify(new DeliveryNotice.DeadLettered(letter));
        }

        private void notify(DeliveryNotice notice) {
            try {
                notices.accept(notice);
            } catch (RuntimeException e) {
                log.warn("an Event Grid notice listener failed", e);
            }
        }
    }

    /// Stops delivering. Deliveries under way may finish (the scheduler's grace); retries not yet due are
    /// dropped and counted in the log.
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        scheduler.close();
        int dropped = pending.get();
        if (dropped > 0) {
            log.warn("Event Grid stopped with {} event deliveries pending; they are dropped (delivery state is in memory)",
                    dropped);
        }
    }
}
