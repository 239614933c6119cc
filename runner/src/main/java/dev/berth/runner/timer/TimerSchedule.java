package dev.berth.runner.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

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

    /// Reads a function.json `schedule`: `%Setting%` is looked up in `appSettings` first (as Azure does), then
    /// a TimeSpan or an NCRONTAB expression. The zone comes from `WEBSITE_TIME_ZONE` in `appSettings`.
    static TimerSchedule parse(String schedule, Map<String, String> appSettings) {
        var zone = TimerZones.resolve(appSettings.get(TimerZones.SETTING));
        return parse(schedule, zone, appSettings);
    }

    /// As [#parse(String, Map)] with the zone given.
    static TimerSchedule parse(String schedule, ZoneId zone, Map<String, String> appSettings) {
        var text = resolveSetting(schedule.strip(), appSettings);
        var interval = TimeSpans.parse(text);
        if (interval.isPresent()) return new Interval(interval.get(), zone);
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
}
