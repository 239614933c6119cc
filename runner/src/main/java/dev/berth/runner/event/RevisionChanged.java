package dev.berth.runner.event;

import java.time.Instant;

/// A revision's lifecycle moved: created (its image is being built), ready (a replica passed its
/// readiness probe), failed (build or start), activated, deactivated, restarted, or retired (Single mode:
/// drained and stopped after its successor took the traffic). `detail` says why, for people.
public record RevisionChanged(Instant at, String revision, Change change, String detail) implements RunnerEvent {
    public enum Change { CREATED, READY, FAILED, ACTIVATED, DEACTIVATED, RESTARTED, RETIRED }
}
