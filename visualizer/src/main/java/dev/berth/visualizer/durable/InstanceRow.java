package dev.berth.visualizer.durable;

import java.time.Instant;

/// One orchestration instance as the instance list shows it. `status` is the runtime status by its HTTP API
/// name ("Running", "Completed" …); `customStatus` (JSON text) may be null. Immutable; any thread.
public record InstanceRow(String instanceId, String name, String status, Instant created, Instant lastUpdated,
                          String customStatus) {
}
