package dev.berth.runner.blob;

import java.util.Map;

/// One attempt to run a blob-triggered function on one blob version. `bindingData` holds the path
/// pattern's values (e.g. `name`) plus `BlobTrigger` (`container/name`) and `Uri` (url-ish path), which
/// become the invocation's trigger metadata. `attempt` counts from 1. Immutable.
public record BlobInvocation(String function, BlobProperties blob, Map<String, String> bindingData, int attempt) {
    public BlobInvocation {
        bindingData = Map.copyOf(bindingData);
    }
}
