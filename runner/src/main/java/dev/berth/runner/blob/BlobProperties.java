package dev.berth.runner.blob;

import java.time.Instant;
import java.util.Map;

/// The stored properties of one blob version. `eTag` is quoted (`"0x…"`), as Azure sends it in
/// headers; `contentMd5` is base64, as in the `Content-MD5` header. Immutable.
public record BlobProperties(String container, String name, String contentType, long length, String eTag,
                             Instant lastModified, Map<String, String> metadata, String contentMd5) {
    public BlobProperties {
        metadata = Map.copyOf(metadata);
    }

    /// `container/name`, the value Azure passes as the `BlobTrigger` trigger metadata.
    public String path() {
        return container + "/" + name;
    }
}
