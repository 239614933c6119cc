package dev.berth.runner.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/// When a timer fires: an NCRONTAB expression read in a time zone, or a fixed interval (Azure's TimeSpan
/// form `hh:mm:ss`, allowed on dedicated plans). Immutable and thread-safe.
public sealed interface TimerSchedule {
    /// The first occurrence strictly after `after`.
    Instant next(Instant after);

    /// The zone the schedule is read in, also the zone of the times sent to the function.
    ZoneId zone();

    /// A cron schedule; see [NcrontabExpression] for how daylight saving time is handled.
    record Cron(NcrontabExpression expression, ZoneId zone) implements TimerSchedule {
        @Override
        public Instant next(Instant after) {
            return expression.next(after, zone);
        }

        @Override
        public String toString() {
            return expression.text() + " (" + zone.getId() + ")";
        }
    }

    /// A constant interval: as Azure's ConstantSchedule, the next run is the last one plus the interval.
    record Interval(Duration every, ZoneId zone) implements TimerSchedule {
        public Interval {
            if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("interval must be positive");
        }

        @Override
        public Instant next(Instant after) {
            return after.plus(every);
        }

        @Override
        public String toString() {
            return "every " + every;
        }
    }

    /// .NET TimeSpan text as TimeSpan.Parse reads it for timers: `hh:mm`, `hh:mm:ss` or `d.hh:mm:ss`.
    Pattern TIME_SPAN = Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?");

    /// Reads a function.json `schedule`: `%Setting%` is looked up in `appSettings` first (as Azure does), then
    /// a TimeSpan or an NCRONTAB expression. The zone comes from `WEBSITE_TIME_ZONE` in `appSettings`.
    static TimerSchedule parse(String schedule, Map<String, String> appSettings) {
        var zone = TimerZones.resolve(appSettings.get(TimerZones.SETTING));
        return parse(schedule, zone, appSettings);
    }

    /// As [#parse(String, Map)] with the zone given.
    static TimerSchedule parse(String schedule, ZoneId zone, Map<String, String> appSettings) {
        var text = resolveSetting(schedule.strip(), appSettings);
        var span = TIME_SPAN.matcher(text);
        if (span.matches()) return new Interval(timeSpan(text, span), zone);
        return new Cron(NcrontabExpression.parse(text), zone);
    }

    private static String resolveSetting(String text, Map<String, String> appSettings) {
        if (text.length() < 3 || !text.startsWith("%") || !text.endsWith("%")) return text;
        var name = text.substring(1, text.length() - 1);
        var value = appSettings.get(name);
        if (value == null || value.isBlank()) {
            throw new CronFormatException("schedule \"" + text + "\" names app setting " + name + ", which is not set:"
                    + " add \"" + name + "\": \"0 */5 * * * *\" (or your schedule) to Values in local.settings.json.");
        }
        return value.strip();
    }

    private static Duration timeSpan(String text, java.util.regex.Matcher span) {
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
        return every;
    }
}
