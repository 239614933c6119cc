package dev.berth.app.ui.durable;

import dev.berth.runner.event.LogLine;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/// An orchestrator's log line, as orchestrator code prints it to standard output:
/// `durable-log instance=<instanceId> replay=<true|false> <text>` (anywhere in the line, so a logging
/// framework's prefix does no harm). Immutable.
public record DurableLogLine(Instant at, String instanceId, boolean replay, String text) {
    private static final Pattern FORMAT = Pattern.compile("durable-log instance=(\\S+) replay=(true|false) ?(.*)");

    /// The orchestrator line in `line`, if it is one.
    public static Optional<DurableLogLine> parse(LogLine line) {
        var matcher = FORMAT.matcher(line.text());
        if (!matcher.find()) return Optional.empty();
        return Optional.of(new DurableLogLine(line.at(), matcher.group(1), Boolean.parseBoolean(matcher.group(2)),
                matcher.group(3).strip()));
    }
}
