package dev.berth.runner.blob;

import java.util.List;

/// One page of a blob listing. `nextMarker` is null on the last page; otherwise pass it to the next
/// `list` call. Immutable.
public record BlobPage(List<BlobProperties> blobs, String nextMarker) {
    public BlobPage {
        blobs = List.copyOf(blobs);
    }
}
