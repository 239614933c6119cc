package dev.berth.visualizer.jobs;

import dev.berth.visualizer.durable.TimeAxis;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// One container run of an execution's replica, drawn as a bar on that replica's lane: `attempt` 1 is the
/// first try, 2 the first retry … `exitCode` is empty while it runs and for one stopped at its timeout;
/// `logTail` holds its last output lines once it ended. Immutable.
public record AttemptBar(String name, int replica, int attempt, AttemptStatus status, Instant started,
                         Optional<Instant> ended, OptionalInt exitCode, String reason, List<String> logTail) {
    public AttemptBar { logTail = List.copyOf(logTail); }

    public Duration duration(Instant now) { return Duration.between(started, ended.orElse(now)); }

    /// What fits in the bar: "try 2 · exit 0", "timed out" …
    public String shortText() {
        String outcome = switch (status) {
            case RUNNING -> "running";
            case TIMED_OUT -> "timed out";
            case STOPPED -> "stopped";
            case SUCCEEDED, FAILED -> exitCode.isPresent() ? "exit " + exitCode.getAsInt() : status.label().toLowerCase(java.util.Locale.ROOT);
        };
        return (attempt > 1 ? "retry " + (attempt - 1) + " · " : "") + outcome;
    }

    /// The bar's tooltip: replica, attempt, outcome, duration and reason.
    public String summary(Instant now, ZoneId zone) {
        return "Replica " + replica + ", attempt " + attempt + ": " + status.label()
                + exitCode.stream().mapToObj(c -> " (exit code " + c + ")").findFirst().orElse("")
                + "\nStarted " + dev.berth.visualizer.Formats.time(started, zone) + ", "
                + (ended.isPresent() ? "ran " : "running for ") + TimeAxis.duration(duration(now).toMillis())
                + (reason.isEmpty() ? "" : "\n" + reason);
    }
}
