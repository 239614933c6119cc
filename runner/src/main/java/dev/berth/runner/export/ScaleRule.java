package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/// One scale rule of `properties.template.scale.rules`, normalized: `custom` rules of type `http` or
/// `azure-queue` become [Http] and [Queue], every metadata value is text (as the Container Apps API wants).
/// `auth` is the rule's `auth` list as written, when there is one. Immutable once read.
sealed interface ScaleRule {
    String name();

    /// Concurrent requests per replica.
    record Http(String name, int concurrentRequests) implements ScaleRule {}

    /// Azure Storage queue length per replica.
    record Queue(String name, String queueName, int queueLength, Optional<JsonNode> auth) implements ScaleRule {}

    /// Any other KEDA scaler (cron, cpu, memory, …) with its metadata as text values.
    record Custom(String name, String type, ObjectNode metadata, Optional<JsonNode> auth) implements ScaleRule {}

    /// Concurrent TCP connections per replica (Container Apps only).
    record Tcp(String name, ObjectNode metadata) implements ScaleRule {}
}
