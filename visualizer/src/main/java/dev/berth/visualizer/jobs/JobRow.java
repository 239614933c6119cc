package dev.berth.visualizer.jobs;

import java.time.Instant;
import java.util.Optional;

/// A job in the jobs list: its name, trigger ("Manual", "Schedule", "Event"), schedule (a cron, a queue rule,
/// or "" for a manual job), and its newest execution's status and start (empty before the first). Immutable.
public record JobRow(String name, String trigger, String schedule, Optional<String> lastStatus,
                     Optional<Instant> lastStarted) {}
