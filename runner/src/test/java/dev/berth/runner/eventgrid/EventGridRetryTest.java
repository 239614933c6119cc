package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.EventDelivery.Outcome;
import dev.berth.runner.eventgrid.Subscription.Filter;
import dev.berth.runner.eventgrid.Subscription.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.berth.runner.eventgrid.EventGridRouterTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/// At least once: failed attempts are retried on Event Grid's schedule until the attempts or the time to live
/// run out, then the event is dead-lettered and reported.
class EventGridRetryTest {
    private final MutableClock clock = new MutableClock();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final List<DeliveryNotice> notices = new ArrayList<>();
    private EventGridRouter router;

    private EventGridRouter router(EventDelivery delivery, int maxAttempts, Duration ttl) {
        var subscription = new Subscription("orders", "OnOrder", new Source.Topic("orders"), Filter.ALL, maxAttempts, ttl);
        router = new EventGridRouter(List.of(subscription), delivery, scheduler, RetrySchedule.AZURE, clock, notices::add);
        return router;
    }

    @AfterEach
    void close() {
        if (router != null) router.close();
    }

    @Test
    void retrySchedule_isEventGrids_andRepeatsTheLastDelay() {
        var schedule = RetrySchedule.AZURE;

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20).stream().map(schedule::delayAfter).toList())
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                        Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(12),
                        Duration.ofHours(12));
    }

    @Test
    void retrySchedule_scaledBy_keepsTheShape() {
        var fast = RetrySchedule.AZURE.scaledBy(0.01);

        assertThat(fast.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(fast.delayAfter(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(fast.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void failedDelivery_isRetriedWithBackoff_untilItSucceeds() {
        var delivery = new RecordingDelivery(attempt -> attempt < 4 ? new Outcome.Failed("status 500: boom", true)
                : new Outcome.Delivered());
        var router = router(delivery, 30, Duration.ofDays(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        assertThat(delivery.calls).extracting(RecordingDelivery.Call::attempt).containsExactly(1, 2, 3, 4);
        assertThat(scheduler.delays).containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(MutableClock.START.plusSeconds(100));
        assertThat(notices).hasSize(4).last().isInstanceOf(DeliveryNotice.Delivered.class);
        assertThat(notices.getFirst()).isInstanceOfSatisfying(DeliveryNotice.RetryScheduled.class, r -> {
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.error()).isEqualTo("status 500: boom");
            assertThat(r.nextAttemptAt()).isEqualTo(MutableClock.START.plusSeconds(10));
        });
        assertThat(router.deadLetters()).isEmpty();
        assertThat(router.pending()).isZero();
    }

    @Test
    void retry_doesNotRunBeforeItsDelay() {
        var delivery = RecordingDelivery.alwaysFails();
        var router = router(delivery, 30, Duration.ofDays(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(9));

        assertThat(delivery.calls).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(delivery.calls).hasSize(2);
        assertThat(router.pending()).isEqualTo(1);
    }

    @Test
    void alwaysFailing_isDeadLetteredAfterExactlyMaxDeliveryAttempts() {
        var delivery = RecordingDelivery.alwaysFails();
        var router = router(delivery, 5, Duration.ofDays(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        assertThat(delivery.calls).hasSize(5);
        assertThat(router.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.MAX_DELIVERY_ATTEMPTS_EXCEEDED);
            assertThat(letter.deliveryAttempts()).isEqualTo(5);
            assertThat(letter.lastError()).isEqualTo("status 500: boom");
            assertThat(letter.subscription()).isEqualTo("orders");
            assertThat(letter.function()).isEqualTo("OnOrder");
            assertThat(letter.event().id()).isEqualTo("1");
            assertThat(letter.publishedAt()).isEqualTo(MutableClock.START);
            // 10 s + 30 s + 1 min + 5 min after publishing
            assertThat(letter.deadLetteredAt()).isEqualTo(MutableClock.START.plusSeconds(400));
            assertThat(letter.describe()).isEqualTo("event 1 (T) for subscription orders → OnOrder dead-lettered: "
                    + "MaxDeliveryAttemptsExceeded after 5 attempts; last error: status 500: boom");
        });
        assertThat(notices.getLast()).isInstanceOfSatisfying(DeliveryNotice.DeadLettered.class,
                d -> assertThat(d.deadLetter()).isEqualTo(router.deadLetters().getFirst()));
        assertThat(router.pending()).isZero();
    }

    @Test
    void alwaysFailing_isDeadLetteredWhenTheTimeToLiveEnds_notAtTheNextAttempt() {
        var delivery = RecordingDelivery.alwaysFails();
        var router = router(delivery, 30, Duration.ofMinutes(2));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        // attempts at 0 s, 10 s, 40 s, 100 s; the next would be at 400 s, past the 120 s time to live
        assertThat(delivery.calls).hasSize(4);
        assertThat(router.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.TIME_TO_LIVE_EXCEEDED);
            assertThat(letter.deliveryAttempts()).isEqualTo(4);
            assertThat(letter.deadLetteredAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(2)));
        });
    }

    @Test
    void attemptComingDueAfterTheTimeToLive_isNotMade() {
        var delivery = RecordingDelivery.alwaysFails();
        var router = router(delivery, 30, Duration.ofMinutes(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        clock.advance(Duration.ofMinutes(2)); // e.g. the machine slept before the first attempt ran
        scheduler.runDue();

        assertThat(delivery.calls).isEmpty();
        assertThat(router.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.TIME_TO_LIVE_EXCEEDED);
            assertThat(letter.deliveryAttempts()).isZero();
            assertThat(letter.lastError()).isEqualTo("no attempt was made");
        });
    }

    @Test
    void notRetryableFailure_isDeadLetteredAtOnce() {
        var delivery = new RecordingDelivery(attempt -> new Outcome.Failed("the function OnOrder no longer exists", false));
        var router = router(delivery, 30, Duration.ofDays(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        assertThat(delivery.calls).hasSize(1);
        assertThat(router.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.NOT_RETRYABLE);
            assertThat(letter.lastError()).isEqualTo("the function OnOrder no longer exists");
        });
    }

    @Test
    void deliveryThatThrows_countsAsAFailedAttemptAndIsRetried() {
        var delivery = new RecordingDelivery(attempt -> {
            if (attempt == 1) throw new IllegalStateException("bug in a delivery");
            return new Outcome.Delivered();
        });
        var router = router(delivery, 30, Duration.ofDays(1));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        assertThat(delivery.calls).hasSize(2);
        assertThat(notices.getFirst()).isInstanceOfSatisfying(DeliveryNotice.RetryScheduled.class,
                r -> assertThat(r.error()).contains("bug in a delivery"));
    }

    @Test
    void noticeListenerThatThrows_doesNotStopDelivery() {
        var delivery = RecordingDelivery.alwaysFails();
        var subscription = new Subscription("orders", "OnOrder", new Source.Topic("orders"), Filter.ALL, 3, Duration.ofDays(1));
        router = new EventGridRouter(List.of(subscription), delivery, scheduler, RetrySchedule.AZURE, clock,
                n -> { throw new IllegalStateException("listener bug"); });

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runAll();

        assertThat(delivery.calls).hasSize(3);
        assertThat(router.deadLetters()).hasSize(1);
    }

    @Test
    void deadLetters_keepTheMostRecentOnes() {
        var delivery = new RecordingDelivery(attempt -> new Outcome.Failed("no", false));
        var router = router(delivery, 1, Duration.ofDays(1));
        var events = new ArrayList<Event>();
        for (int i = 0; i < EventGridRouter.DEAD_LETTERS_KEPT + 5; i++) events.add(event(Integer.toString(i), "/a", "T"));

        router.publish("orders", events);
        scheduler.runAll();

        assertThat(router.deadLetters()).hasSize(EventGridRouter.DEAD_LETTERS_KEPT);
        assertThat(router.deadLetters().getFirst().event().id()).isEqualTo("5");
    }

    @Test
    void close_dropsRetriesNotYetDue() {
        var delivery = RecordingDelivery.alwaysFails();
        var router = router(delivery, 30, Duration.ofDays(1));
        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runDue();

        router.close();
        scheduler.runAll();

        assertThat(delivery.calls).hasSize(1);
        assertThat(router.deadLetters()).isEmpty();
    }
}
