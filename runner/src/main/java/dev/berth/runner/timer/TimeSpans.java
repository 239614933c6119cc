package dev.berth.runner.timer;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/// .NET TimeSpan text as Azure's timer reads a constant schedule: `hh:mm`, `hh:mm:ss` or `d.hh:mm:ss`.
/// Stateless.
final class TimeSpans {
    private static final Pattern TIME_SPAN = Pattern.compile("(?:(\\d{1,5})\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?");

    private TimeSpans() {}

    /// The interval `text` names; empty when `text` is not TimeSpan-shaped (then it is read as NCRONTAB);
    /// [CronFormatException] when it is TimeSpan-shaped but out of range or zero.
    static Optional<Duration> parse(String text) {
        var span = TIME_SPAN.matcher(text);
        if (!span.matches()) return Optional.empty();
        long days = span.group(1) == null ? 0 : Long.parseLong(span.group(1));
        int hours = Integer.parseInt(span.group(2));
        int minutes = Integer.parseInt(span.group(3));
        int seconds = span.group(4) == null ? 0 : Integer.parseInt(span.group(4));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            throw new CronFormatException("TimeSpan schedule \"" + text + "\" is out of range: write hh:mm:ss with"
                    + " hours 0-23, minutes and seconds 0-59 (use d.hh:mm:ss for days), for example \"01:30:00\".");
        }
        var every = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
        if (every.isZero()) {
            throw new CronFormatException("TimeSpan schedule \"" + text + "\" is zero: a timer needs a positive interval,"
                    + " for example \"00:05:00\" for every five minutes.");
        }
        return Optional.of(every);
    }
}
