package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.project.FunctionDef;

import java.util.Map;

/// The project's storage as HTTP-triggered functions see it: their other input bindings (a blob) before
/// the call, and what they returned for their other output bindings (a queue message, a blob) after it.
/// Set on the ingress once the storage is open. Must be thread-safe; a thrown exception fails the
/// invocation with a 500, as in Azure.
public interface StorageBindings {
    /// Adds the values of the function's input bindings to the invocation's `Data`.
    void addInputs(FunctionDef function, com.fasterxml.jackson.databind.node.ObjectNode data,
                   Map<String, String> bindingData);

    void apply(FunctionDef function, JsonNode outputs, Map<String, String> bindingData);
}
