package dev.berth.runner.timer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/// A parsed NCRONTAB expression as Azure Functions timers use it: six fields, seconds first. As in NCrontab,
/// day and day-of-week must BOTH match (Vixie cron ORs them; Azure does not). Immutable and thread-safe.
///
/// Daylight saving time: occurrences are local times in the schedule's zone. A local time skipped by a
/// spring-forward fires at the instant the clock jumps (once, however many occurrences fell in the gap); a
/// local time repeated by a fall-back fires once, at its first (earlier-offset) instant.
public final class NcrontabExpression {
    private static final int SEARCH_YEARS = 30;

    private final String text;
    private final BitSet[] fields;

    private NcrontabExpression(String text, BitSet[] fields) {
        this.text = text;
        this.fields = fields;
    }

    /// Parses `expression`, or throws [CronFormatException] with a message fit to show the user.
    public static NcrontabExpression parse(String expression) {
        var trimmed = expression.strip();
        var parts = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (parts.length == 5) {
            throw new CronFormatException("\"" + trimmed + "\" has 5 fields; Azure Functions timers take 6, seconds first: \"0 "
                    + trimmed + "\".");
        }
        if (parts.length != 6) {
            throw new CronFormatException("\"" + trimmed + "\" has " + parts.length + " field" + (parts.length == 1 ? "" : "s")
                    + "; Azure Functions timers take 6: " + NcrontabField.LAYOUT + ", for example \"0 */5 * * * *\".");
        }
        var fields = new BitSet[6];
        for (var field : NcrontabField.values()) {
            fields[field.ordinal()] = field.parse(parts[field.ordinal()], trimmed);
        }
        var parsed = new NcrontabExpression(trimmed, fields);
        parsed.requireSomeDayExists();
        return parsed;
    }

    /// `0 0 0 30 2 *` parses field by field but never fires; Azure would silently never run it.
    private void requireSomeDayExists() {
        var days = fields[NcrontabField.DAY.ordinal()];
        var months = fields[NcrontabField.MONTH.ordinal()];
        for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
            if (days.nextSetBit(1) <= Month.of(m).maxLength()) return;
        }
        throw NcrontabField.DAY.error(text, "no month given has day " + days.nextSetBit(1)
                + ", so the schedule never fires; pick a day that exists in " + monthsText(months));
    }

    private static String monthsText(BitSet months) {
        var out = new StringBuilder();
        months.stream().forEach(m -> out.append(out.isEmpty() ? "" : ", ").append(NcrontabField.MONTH.names.get(m - 1)));
        return out.toString();
    }

    /// The expression as written (trimmed).
    public String text() {
        return text;
    }

    /// The first occurrence strictly after `after`, with the expression read as local time in `zone`.
    public Instant next(Instant after, ZoneId zone) {
        var rules = zone.getRules();
        var local = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            local = nextLocal(local);
            var offsets = rules.getValidOffsets(local);
            if (offsets.isEmpty()) {
                // A spring-forward gap: fire when the clock jumps past it.
                var transition = rules.getTransition(local).getInstant();
                if (transition.isAfter(after)) return transition;
            } else {
                for (var offset : offsets) {
                    var instant = local.toInstant(offset);
                    if (instant.isAfter(after)) return instant;
                }
            }
        }
    }

    /// The first local time strictly after `from` that matches every field.
    private LocalDateTime nextLocal(LocalDateTime from) {
        var t = from.plusSeconds(1);
        var limit = from.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!has(NcrontabField.MONTH, t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!has(NcrontabField.DAY, t.getDayOfMonth())
                    || !has(NcrontabField.DAY_OF_WEEK, t.getDayOfWeek().getValue() % 7)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!has(NcrontabField.HOUR, t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!has(NcrontabField.MINUTE, t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!has(NcrontabField.SECOND, t.getSecond())) {
                t = t.plusSeconds(1);
            } else {
                return t;
            }
        }
        // parse() rejected schedules without a real day, and every month/day pair meets every weekday in 28 years.
        throw new IllegalStateException("\"" + text + "\" has no occurrence within " + SEARCH_YEARS + " years of "
                + LocalDate.from(from));
    }

    private boolean has(NcrontabField field, int value) {
        return fields[field.ordinal()].get(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
