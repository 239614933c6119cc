package dev.berth.visualizer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/// Text shown by the views, kept apart so it is tested without a toolkit. Stateless; any thread.
public final class Formats {
    private static final DateTimeFormatter CLOCK_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final String NONE = "—";

    private Formats() {
    }

    /// Local wall-clock time with milliseconds, e.g. `14:03:07.125`.
    public static String timeMillis(Instant at, ZoneId zone) {
        return at == null ? NONE : CLOCK_MILLIS.format(at.atZone(zone));
    }

    /// Local wall-clock time to the second, e.g. `14:03:07`.
    public static String time(Instant at, ZoneId zone) {
        return at == null ? NONE : CLOCK.format(at.atZone(zone));
    }

    /// Milliseconds with one decimal, e.g. `12.3`; sub-millisecond precision is what a local call needs.
    public static String millis(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }

    /// How long a replica took from start to ready, e.g. `1.84 s`; "—" while it is not ready.
    public static String readyAfter(Instant started, Instant ready) {
        if (started == null || ready == null) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.2f s", Duration.between(started, ready).toMillis() / 1000.0);
    }

    /// An HTTP status, or "ERR" when the call never got one.
    public static String status(int status) {
        return status <= 0 ? "ERR" : Integer.toString(status);
    }

    /// The first 12 characters of a container id, as `docker ps` shows it.
    public static String shortId(String containerId) {
        if (containerId == null || containerId.isEmpty()) {
            return NONE;
        }
        return containerId.length() <= 12 ? containerId : containerId.substring(0, 12);
    }

    /// One log line as text, as it is copied to the clipboard: `time  source  [stderr] text`.
    public static String logLine(LogEntry entry, ZoneId zone) {
        String stream = entry.isStderr() ? " [stderr]" : "";
        return timeMillis(entry.at(), zone) + "  " + entry.source() + stream + "  " + entry.text();
    }

    /// Several log lines, one per line, for the clipboard.
    public static String logLines(List<LogEntry> entries, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : entries) {
            out.append(logLine(entry, zone)).append('\n');
        }
        return out.toString();
    }
}
