package dev.berth.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/// Parses the durations the CLI takes: `30s`, `5m`, `2h`, `7d`, `250ms`, ISO-8601 (`PT1H`), or `-1`
/// (never expires, as Azure's `messagettl=-1`). Stateless.
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    static Duration parse(String option, String text) {
        var t = text.strip();
        if (t.equals("-1")) return Duration.ofSeconds(-1);
        var m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration. Fix: write e.g. 30s, 5m, 2h,"
                    + " 7d or PT1H30M" + (option.equals("--ttl") ? ", or -1 for never" : "") + ".");
        }
    }
}
