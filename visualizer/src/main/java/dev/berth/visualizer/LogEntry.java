package dev.berth.visualizer;

import java.time.Instant;

/// One line in the log view. `source` is the replica id (or "berth" for the runner's own notices).
public record LogEntry(Instant at, String source, String stream, String text) {}
