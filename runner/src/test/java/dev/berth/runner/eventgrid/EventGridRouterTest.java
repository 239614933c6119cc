package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.runner.eventgrid.Subscription.Filter;
import dev.berth.runner.eventgrid.Subscription.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Which events reach which subscriptions: source, subject begins/ends-with (ignoring case unless asked),
/// event types (exact).
class EventGridRouterTest {
    private final MutableClock clock = new MutableClock();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final RecordingDelivery delivery = RecordingDelivery.alwaysSucceeds();
    private final List<DeliveryNotice> notices = new ArrayList<>();
    private EventGridRouter router;

    static Subscription subscription(String name, Source source, Filter filter) {
        return new Subscription(name, "On" + name, source, filter, 30, Duration.ofMinutes(1440));
    }

    static Event event(String id, String subject, String type) {
        return Event.of(id, subject, type, MutableClock.START, JsonNodeFactory.instance.objectNode(), "1.0");
    }

    private EventGridRouter router(Subscription... subscriptions) {
        router = new EventGridRouter(List.of(subscriptions), delivery, scheduler, RetrySchedule.AZURE, clock, notices::add);
        return router;
    }

    @AfterEach
    void close() {
        if (router != null) router.close();
    }

    @Test
    void publish_deliversOnlyToSubscriptionsOfThatTopic_ignoringCase() {
        var router = router(subscription("orders", new Source.Topic("Orders"), Filter.ALL),
                subscription("invoices", new Source.Topic("invoices"), Filter.ALL),
                subscription("blobs", new Source.Storage(), Filter.ALL));

        int queued = router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runDue();

        assertThat(queued).isEqualTo(1);
        assertThat(delivery.deliveredPairs()).containsExactly("orders<-1");
        assertThat(router.pending()).isZero();
    }

    @Test
    void publishStorage_deliversOnlyToStorageSubscriptions() {
        var router = router(subscription("orders", new Source.Topic("orders"), Filter.ALL),
                subscription("blobs", new Source.Storage(), Filter.ALL));

        router.publishStorage(List.of(event("b1", "/blobServices/default/containers/images/blobs/cat.png",
                "Microsoft.Storage.BlobCreated")));
        scheduler.runDue();

        assertThat(delivery.deliveredPairs()).containsExactly("blobs<-b1");
    }

    @Test
    void publish_subjectFilters_ignoreCaseAsInAzure() {
        var router = router(subscription("pngs", new Source.Topic("orders"),
                new Filter("/Images/", ".PNG", List.of(), false)));

        router.publish("orders", List.of(event("1", "/images/cat.png", "T"), event("2", "/IMAGES/dog.Png", "T"),
                event("3", "/images/cat.jpg", "T"), event("4", "/docs/cat.png", "T")));
        scheduler.runDue();

        assertThat(delivery.deliveredPairs()).containsExactly("pngs<-1", "pngs<-2");
    }

    @Test
    void publish_caseSensitiveSubjectFilter_matchesExactly() {
        var router = router(subscription("pngs", new Source.Topic("orders"),
                new Filter("/Images/", "", List.of(), true)));

        router.publish("orders", List.of(event("1", "/images/cat.png", "T"), event("2", "/Images/dog.png", "T")));
        scheduler.runDue();

        assertThat(delivery.deliveredPairs()).containsExactly("pngs<-2");
    }

    @Test
    void publish_includedEventTypes_matchExactly() {
        var router = router(subscription("created", new Source.Topic("orders"),
                new Filter("", "", List.of("Microsoft.Storage.BlobCreated", "Contoso.Ping"), false)));

        router.publish("orders", List.of(event("1", "/s", "Microsoft.Storage.BlobCreated"),
                event("2", "/s", "microsoft.storage.blobcreated"), event("3", "/s", "Microsoft.Storage.BlobDeleted"),
                event("4", "/s", "Contoso.Ping")));
        scheduler.runDue();

        assertThat(delivery.deliveredPairs()).containsExactly("created<-1", "created<-4");
    }

    @Test
    void publish_eventMatchingTwoSubscriptions_isDeliveredToEach() {
        var router = router(subscription("all", new Source.Topic("orders"), Filter.ALL),
                subscription("big", new Source.Topic("orders"), new Filter("/big/", "", List.of(), false)));

        int queued = router.publish("orders", List.of(event("1", "/big/one", "T"), event("2", "/small/two", "T")));
        scheduler.runDue();

        assertThat(queued).isEqualTo(3);
        assertThat(delivery.deliveredPairs()).containsExactlyInAnyOrder("all<-1", "big<-1", "all<-2");
    }

    @Test
    void publish_noMatchingSubscription_dropsTheEventsAndSaysZero() {
        var router = router(subscription("orders", new Source.Topic("orders"), Filter.ALL));

        assertThat(router.publish("elsewhere", List.of(event("1", "/a", "T")))).isZero();
        assertThat(scheduler.scheduled()).isZero();
    }

    @Test
    void publish_setsTheTopicOfEventsWithoutOne_keepsAPublishersTopic() {
        var seen = new ArrayList<Event>();
        router = new EventGridRouter(List.of(subscription("orders", new Source.Topic("orders"), Filter.ALL)),
                (s, e, a) -> {
                    seen.add(e);
                    return new EventDelivery.Outcome.Delivered();
                }, scheduler, RetrySchedule.AZURE, clock, n -> {});

        router.publish("orders", List.of(event("1", "/a", "T"),
                new Event("2", "/my/own/topic", "/a", "T", "2026-01-01T00:00:00Z", null, "")));
        scheduler.runDue();

        assertThat(seen).extracting(Event::topic).containsExactly(EventGridRouter.topicPath("orders"), "/my/own/topic");
        assertThat(EventGridRouter.topicPath("orders")).endsWith("/providers/Microsoft.EventGrid/topics/orders");
    }

    @Test
    void publish_firstAttemptRunsWithoutDelay_andIsReportedDelivered() {
        var router = router(subscription("orders", new Source.Topic("orders"), Filter.ALL));

        router.publish("orders", List.of(event("1", "/a", "T")));
        scheduler.runDue();

        assertThat(scheduler.delays).containsExactly(Duration.ZERO);
        assertThat(notices).singleElement().isInstanceOfSatisfying(DeliveryNotice.Delivered.class, d -> {
            assertThat(d.subscription()).isEqualTo("orders");
            assertThat(d.function()).isEqualTo("Onorders");
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.at()).isEqualTo(MutableClock.START);
        });
    }

    @Test
    void close_closesTheScheduler_andRefusesFurtherEvents() {
        var router = router(subscription("orders", new Source.Topic("orders"), Filter.ALL));

        router.close();

        assertThat(scheduler.closed).isTrue();
        assertThatThrownBy(() -> router.publish("orders", List.of(event("1", "/a", "T"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
