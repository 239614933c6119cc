package dev.berth.runner.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// One container run for one replica of an execution: replica `replica` (0-based) in its `attempt`-th try
/// (1 = first; a retry is the next attempt of the same replica). `exitCode` is empty while it runs and
/// for a replica stopped at its timeout or with its execution; `logTail` holds its last output lines once it
/// ended. Immutable.
public record JobAttempt(String name, String execution, int replica, int attempt, String containerId, Status status,
                         OptionalInt exitCode, String reason, Instant started, Optional<Instant> ended,
                         List<String> logTail) {
    public JobAttempt { logTail = List.copyOf(logTail); }

    public enum Status {
        RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED;

        /// Whether the replica has to run again (or the execution fails).
        public boolean failed() { return this == FAILED || this == TIMED_OUT; }
    }

    public Duration duration(Instant now) { return Duration.between(started, ended.orElse(now)); }

    JobAttempt ended(Status newStatus, OptionalInt code, String newReason, Instant at, List<String> lines) {
        return new JobAttempt(name, execution, replica, attempt, containerId, newStatus, code, newReason, started,
                Optional.of(at), lines);
    }
}
