package dev.berth.runner.event;

import dev.berth.runner.durable.RuntimeStatus;

import java.time.Instant;

/// An orchestration instance moved: started, got results, scheduled work, finished, was suspended,
/// terminated, rewound or purged. One event per change the durable backend commits (a batch of history
/// events), not one per history event; `change` says what happened in words, `historyLength` how many
/// events its history now has (0 after a purge).
public record OrchestrationChanged(Instant at, String hub, String instanceId, String name, RuntimeStatus status,
                                   String change, int historyLength) implements RunnerEvent {
}
