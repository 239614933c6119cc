package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/// Builds the `Microsoft.Storage.BlobCreated` and `…BlobDeleted` events the embedded blob store raises, shaped
/// as Azure Storage's (subject `/blobServices/default/containers/{container}/blobs/{name}`, data with api, eTag,
/// contentType, contentLength, blobType, url, sequencer), for [EventGridRouter#publishStorage]. So a
/// subscription filter written for Azure (`subjectBeginsWith: /blobServices/default/containers/images/`) works
/// unchanged. Thread-safe.
public final class StorageEvents {
    public static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";
    public static final String BLOB_DELETED = "Microsoft.Storage.BlobDeleted";

    /// What the blob store knows about a blob when it changes. `url` is where Berth serves it.
    public record Blob(String container, String name, String contentType, long contentLength, String eTag, String url) {}

    private final Clock clock;
    // Sequencers order the events of one blob by plain string comparison, as Azure's do.
    private final AtomicLong sequence;

    public StorageEvents(Clock clock) {
        this.clock = clock;
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    public static String subject(String container, String name) {
        return "/blobServices/default/containers/" + container + "/blobs/" + name;
    }

    /// After a blob was written (Put Blob).
    public Event blobCreated(Blob blob) {
        var data = common("PutBlob", blob);
        data.put("eTag", blob.eTag());
        data.put("contentLength", blob.contentLength());
        return event(BLOB_CREATED, blob, finish(data, blob));
    }

    /// After a blob was deleted (Delete Blob).
    public Event blobDeleted(Blob blob) {
        return event(BLOB_DELETED, blob, finish(common("DeleteBlob", blob), blob));
    }

    private static ObjectNode common(String api, Blob blob) {
        var data = JsonNodeFactory.instance.objectNode();
        data.put("api", api);
        data.put("clientRequestId", UUID.randomUUID().toString());
        data.put("requestId", UUID.randomUUID().toString());
        return data;
    }

    private ObjectNode finish(ObjectNode data, Blob blob) {
        data.put("contentType", blob.contentType());
        data.put("blobType", "BlockBlob");
        data.put("url", blob.url());
        data.put("sequencer", String.format("%032x", sequence.incrementAndGet()));
        data.putObject("storageDiagnostics").put("batchId", UUID.randomUUID().toString());
        return data;
    }

    private Event event(String type, Blob blob, ObjectNode data) {
        return Event.of(UUID.randomUUID().toString(), subject(blob.container(), blob.name()), type, clock.instant(), data, "");
    }
}
