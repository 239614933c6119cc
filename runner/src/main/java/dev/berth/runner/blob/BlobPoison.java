package dev.berth.runner.blob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;

/// A blob version that `function` could not process in `attempts` attempts. Immutable.
public record BlobPoison(String function, String container, String name, String eTag, int attempts, String lastError,
                         Instant at) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /// The message body the Functions host puts on `webjobs-blobtrigger-poison`.
    public String azureMessageJson() {
        var body = new LinkedHashMap<String, Object>();
        body.put("Type", "BlobTrigger");
        body.put("FunctionId", function);
        body.put("BlobType", "BlockBlob");
        body.put("ContainerName", container);
        body.put("BlobName", name);
        body.put("ETag", eTag);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode poison message: " + e.getMessage(), e);
        }
    }
}
