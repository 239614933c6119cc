package dev.berth.runner.blob;

import java.time.Instant;

/// A committed change in the blob store, delivered to subscribers right after the commit. It carries
/// what a `Microsoft.Storage.BlobCreated` / `BlobDeleted` Event Grid event needs. Immutable.
public sealed interface BlobChange {
    String container();

    String name();

    Instant at();

    /// Event Grid `subject`: `/blobServices/default/containers/<container>/blobs/<name>`.
    default String subject() {
        return "/blobServices/default/containers/" + container() + "/blobs/" + name();
    }

    /// URL-ish path of the blob (`/<container>/<name>`); the caller prefixes the local blob endpoint.
    default String url() {
        return "/" + container() + "/" + name();
    }

    /// A blob version was written. `api` is `PutBlob`.
    record BlobCreated(String container, String name, Instant at, String api, String contentType, long contentLength,
                       String eTag) implements BlobChange {}

    /// A blob was deleted. `api` is `DeleteBlob`; `contentType` and `eTag` are of the deleted version.
    record BlobDeleted(String container, String name, Instant at, String api, String contentType, String eTag)
            implements BlobChange {}
}
