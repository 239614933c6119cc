package dev.berth.runner.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.blob.BlobNotFoundException;
import dev.berth.runner.blob.BlobStore;
import dev.berth.runner.project.FunctionDef;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/// `blob` input bindings: before an invocation, the blob at the binding's path (binding expressions
/// resolved with the trigger's data) goes into the invocation's `Data` as text under the binding's
/// name, or null when it does not exist, as the Functions host passes it. Thread-safe.
public final class InputBindings {
    private final BlobStore blobs;
    private final BindingExpressions expressions;

    public InputBindings(BlobStore blobs, BindingExpressions expressions) {
        this.blobs = blobs;
        this.expressions = expressions;
    }

    /// Adds the input bindings' values to `data`; throws when a path cannot be resolved.
    public void addTo(FunctionDef function, ObjectNode data, Map<String, String> bindingData) {
        for (var binding : function.bindings()) {
            if (!"blob".equalsIgnoreCase(binding.type()) || !"in".equalsIgnoreCase(binding.direction())) continue;
            var template = binding.properties().get("path");
            if (template == null) throw new IllegalArgumentException(function.name() + "/function.json binding \""
                    + binding.name() + "\": path is missing. Fix: add \"path\": \"<container>/<blob name>\".");
            var path = expressions.resolve(String.valueOf(template), function.name(), bindingData);
            int slash = path.indexOf('/');
            try {
                var blob = blobs.get(path.substring(0, Math.max(0, slash)), path.substring(slash + 1));
                data.put(binding.name(), new String(blob.content(), StandardCharsets.UTF_8));
            } catch (BlobNotFoundException | IllegalArgumentException missing) {
                data.putNull(binding.name());
            }
        }
    }
}
