package dev.berth.visualizer.durable;

import java.util.Locale;

/// The timeline's time axis: a tick step that leaves room for its labels, and how offsets from the first
/// event and durations read ("+1.5 s", "+2 min 30 s", "37 ms"); the jobs timeline and the scale chart use
/// it too. Stateless; any thread.
public final class TimeAxis {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, SECOND, 2 * SECOND, 5 * SECOND,
        10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 30 * DAY};

    private TimeAxis() {
    }

    /// The smallest step (ms) whose ticks lie at least `minGap` pixels apart when `spanMillis` fills `pixels`.
    public static long step(double spanMillis, double pixels, double minGap) {
        if (pixels <= 0 || spanMillis <= 0) {
            return STEPS[STEPS.length - 1];
        }
        for (long step : STEPS) {
            if (step / spanMillis * pixels >= minGap) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /// A tick's label: its offset from the first event, as precise as the step needs.
    public static String offset(long millis, long step) {
        if (millis == 0) {
            return "0";
        }
        String sign = millis < 0 ? "−" : "+";
        long abs = Math.abs(millis);
        if (step >= SECOND) {
            return sign + units(abs);
        }
        if (abs < SECOND) {
            return sign + abs + " ms";
        }
        int decimals = step < 10 ? 3 : step < 100 ? 2 : 1;
        return sign + String.format(Locale.ROOT, "%." + decimals + "f s", abs / 1000.0);
    }

    /// A bar's length: "37 ms", "1.25 s", "2 min 5 s", "1 h 30 min".
    public static String duration(long millis) {
        if (millis < SECOND) {
            return millis + " ms";
        }
        if (millis < 10 * SECOND) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < MINUTE) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return units(millis);
    }

    /// The two largest units, e.g. "1 d 6 h" or "2 min 5 s".
    private static String units(long millis) {
        long[] sizes = {DAY, HOUR, MINUTE, SECOND};
        String[] names = {"d", "h", "min", "s"};
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < sizes.length && shown < 2; i++) {
            long count = millis / sizes[i];
            millis %= sizes[i];
            if (count > 0) {
                out.append(out.isEmpty() ? "" : " ").append(count).append(' ').append(names[i]);
                shown++;
            } else if (shown > 0) {
                break; // "1 h" rather than "1 h 0 min 5 s"
            }
        }
        return out.isEmpty() ? "0 s" : out.toString();
    }
}
