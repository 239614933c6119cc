package dev.berth.visualizer.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// One execution of a job as a row of the timeline: its status ("Running", "Succeeded", "Failed", "Stopped"),
/// trigger, why it started or ended, and its attempts, one lane per replica index. Immutable.
public record ExecutionRow(String name, String status, String trigger, String reason, Instant started,
                           Optional<Instant> ended, int completionCount, int succeeded, List<AttemptBar> attempts) {
    public ExecutionRow { attempts = List.copyOf(attempts); }

    /// Lanes to draw: every replica the execution needs, and any other that ran.
    public int lanes() {
        int lanes = completionCount;
        for (var a : attempts) lanes = Math.max(lanes, a.replica() + 1);
        return Math.max(1, lanes);
    }

    /// Start to end (or to `now` while it runs), stretched to cover every attempt.
    public Duration span(Instant now) {
        Instant end = ended.orElse(now);
        for (var a : attempts) {
            var attemptEnd = a.ended().orElse(now);
            if (attemptEnd.isAfter(end)) end = attemptEnd;
        }
        return Duration.between(started, end);
    }

    public boolean running() {
        return ended.isEmpty() || attempts.stream().anyMatch(a -> a.status() == AttemptStatus.RUNNING);
    }
}
