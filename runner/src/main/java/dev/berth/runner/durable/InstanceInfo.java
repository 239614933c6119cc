package dev.berth.runner.durable;

import java.time.Instant;
import java.util.Optional;

/// One orchestration instance as stored. `input`, `output` and `customStatus` are the serialized JSON the
/// SDK wrote, or null when there is none (or when they were not asked for). Immutable.
public record InstanceInfo(String hub, String instanceId, String executionId, String name, RuntimeStatus status,
                           Instant created, Instant lastUpdated, Optional<Instant> scheduledStart, String input,
                           String output, String customStatus, Optional<Failure> failure,
                           Optional<String> parentInstanceId) {
    /// A copy without the payloads (queries that did not ask for inputs and outputs).
    public InstanceInfo withoutPayloads() {
        return new InstanceInfo(hub, instanceId, executionId, name, status, created, lastUpdated, scheduledStart,
                null, null, customStatus, failure, parentInstanceId);
    }
}
