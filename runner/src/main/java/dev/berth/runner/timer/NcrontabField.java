package dev.berth.runner.timer;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/// The six NCRONTAB fields in the order Azure Functions reads them (seconds first), with the ranges and the
/// value names NCrontab accepts. Day of week is 0–6 with Sunday 0; NCrontab refuses 7, so Berth does too.
/// Immutable.
enum NcrontabField {
    SECOND("second", 0, 59, List.of()),
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY("day", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")),
    DAY_OF_WEEK("day-of-week", 0, 6, List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday"));

    static final String LAYOUT = "{second} {minute} {hour} {day} {month} {day-of-week}";

    final String label;
    final int min;
    final int max;
    final List<String> names;

    NcrontabField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /// Parses one field (`*`, `5`, `1-5`, `*/15`, `10/5`, `1,3,5-7`, `Mon-Fri`) into the set of values it
    /// allows. `expression` is the whole schedule, quoted in error messages.
    BitSet parse(String text, String expression) {
        var values = new BitSet(max + 1);
        for (var part : text.split(",", -1)) {
            parsePart(part, text, expression, values);
        }
        return values;
    }

    private void parsePart(String part, String text, String expression, BitSet values) {
        if (part.isEmpty()) throw error(expression, "\"" + text + "\" has an empty list item");
        int step = 1;
        var range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = number(part.substring(slash + 1), part, expression, "step");
            if (step < 1) throw error(expression, "step \"" + part + "\" must be 1 or more");
            range = part.substring(0, slash);
        }
        int first;
        int last;
        int dash = range.indexOf('-', 1);
        if (range.equals("*")) {
            first = min;
            last = max;
        } else if (dash > 0) {
            first = value(range.substring(0, dash), expression);
            last = value(range.substring(dash + 1), expression);
            if (first > last) {
                throw error(expression, "range \"" + range + "\" runs backwards; write the smaller value first");
            }
        } else {
            first = value(range, expression);
            // NCrontab reads `10/5` as "from 10 to the end, every 5th".
            last = slash >= 0 ? max : first;
        }
        for (int v = first; v <= last; v += step) values.set(v);
    }

    private int value(String token, String expression) {
        if (!token.isEmpty() && Character.isLetter(token.charAt(0)) && !names.isEmpty()) {
            var lower = token.toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).startsWith(lower)) return min + i;
            }
            throw error(expression, "\"" + token + "\" is not a " + label + " name; use one of "
                    + String.join(", ", names) + " (or a prefix such as " + names.getFirst().substring(0, 3) + ")");
        }
        int v = number(token, token, expression, "value");
        if (v < min || v > max) {
            var hint = this == DAY_OF_WEEK && v == 7 ? "; Sunday is 0" : "";
            throw error(expression, token + " is outside the allowed range " + min + "-" + max + hint);
        }
        return v;
    }

    private int number(String token, String context, String expression, String what) {
        if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9') || token.length() > 9) {
            var allowed = names.isEmpty() ? "a number " + min + "-" + max
                    : "a number " + min + "-" + max + " or a name such as " + names.getFirst().substring(0, 3);
            throw error(expression, what + " \"" + token + "\" in \"" + context + "\" is not " + allowed
                    + ("step".equals(what) ? "" : "; fields take *, n, a-b, */n, a-b/n and lists a,b"));
        }
        return Integer.parseInt(token);
    }

    CronFormatException error(String expression, String detail) {
        return new CronFormatException("\"" + expression + "\": " + label + " field (" + (ordinal() + 1) + " of 6, "
                + "allowed " + min + "-" + max + "): " + detail + ". Fields: " + LAYOUT + ".");
    }
}
