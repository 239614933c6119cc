package dev.berth.visualizer;

import java.time.Instant;

/// One line in the log view. `source` is the replica id (or "berth" for the runner's own notices);
/// `stream` is "stdout" or "stderr". Immutable; any thread.
public record LogEntry(Instant at, String source, String stream, String text) {
    /// Whether the line came from standard error (shown in the danger colour).
    public boolean isStderr() {
        return "stderr".equalsIgnoreCase(stream);
    }
}
