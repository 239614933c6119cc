package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.project.FunctionDef;

import java.util.Map;

/// Writes what an HTTP-triggered function returned for its other output bindings (a queue message, a
/// blob). Set on the ingress once the project's storage is open. Must be thread-safe; a thrown exception
/// fails the invocation with a 500, as in Azure.
@FunctionalInterface
public interface OutputSink {
    void apply(FunctionDef function, JsonNode outputs, Map<String, String> bindingData);
}
