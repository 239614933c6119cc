package dev.berth.runner.eventgrid;

import dev.berth.runner.eventgrid.Subscription.Filter;
import dev.berth.runner.eventgrid.Subscription.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Blob store events look like Azure Storage's, so Azure-style filters select them.
class EventGridStorageEventsTest {
    private final MutableClock clock = new MutableClock();
    private final StorageEvents events = new StorageEvents(clock);
    private final StorageEvents.Blob cat = new StorageEvents.Blob("images", "cats/tom.png", "image/png", 1234, "0x8D1",
            "http://127.0.0.1:7071/blobs/images/cats/tom.png");

    @Test
    void blobCreated_hasAzureStoragesShape() {
        var event = events.blobCreated(cat).withTopicIfAbsent(EventGridRouter.STORAGE_TOPIC).toEventGridJson();

        assertThat(event.path("eventType").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(event.path("subject").asText()).isEqualTo("/blobServices/default/containers/images/blobs/cats/tom.png");
        assertThat(event.path("topic").asText()).endsWith("/providers/Microsoft.Storage/storageAccounts/berth");
        assertThat(event.path("eventTime").asText()).isEqualTo(MutableClock.START.toString());
        assertThat(event.path("dataVersion").asText()).isEmpty();
        var data = event.path("data");
        assertThat(data.path("api").asText()).isEqualTo("PutBlob");
        assertThat(data.path("eTag").asText()).isEqualTo("0x8D1");
        assertThat(data.path("contentType").asText()).isEqualTo("image/png");
        assertThat(data.path("contentLength").asLong()).isEqualTo(1234);
        assertThat(data.path("blobType").asText()).isEqualTo("BlockBlob");
        assertThat(data.path("url").asText()).isEqualTo(cat.url());
        assertThat(data.path("sequencer").asText()).hasSize(32);
    }

    @Test
    void blobDeleted_hasTheDeleteApi_andALaterSequencer() {
        var created = events.blobCreated(cat);
        var deleted = events.blobDeleted(cat);

        assertThat(deleted.eventType()).isEqualTo("Microsoft.Storage.BlobDeleted");
        assertThat(deleted.data().path("api").asText()).isEqualTo("DeleteBlob");
        assertThat(deleted.data().has("contentLength")).isFalse();
        assertThat(deleted.data().path("sequencer").asText()).isGreaterThan(created.data().path("sequencer").asText());
        assertThat(deleted.id()).isNotEqualTo(created.id());
    }

    @Test
    void storageSubscription_withAzureStyleFilter_getsOnlyItsContainersCreatedBlobs() {
        var scheduler = new FakeScheduler(clock);
        var delivery = RecordingDelivery.alwaysSucceeds();
        var images = new Subscription("images", "OnImage", new Source.Storage(),
                new Filter("/blobServices/default/containers/images/", ".png", List.of(StorageEvents.BLOB_CREATED), false),
                30, Duration.ofDays(1));
        try (var router = new EventGridRouter(List.of(images), delivery, scheduler, RetrySchedule.AZURE, clock, n -> {})) {
            var created = events.blobCreated(cat);
            router.publishStorage(List.of(created, events.blobDeleted(cat), events.blobCreated(
                    new StorageEvents.Blob("docs", "a.png", "image/png", 1, "0x1", "u"))));
            scheduler.runDue();

            assertThat(delivery.deliveredPairs()).containsExactly("images<-" + created.id());
        }
    }
}
