package dev.berth.visualizer.scale;

/// The corners of a step line over a window, thinned to what a pixel column can show: horizontal to each
/// corner's time, then vertical to its value, except that corners inside a column already drawn add a
/// vertical segment only when they reach past its range. Kept apart from the canvas so it is tested without
/// a toolkit. Not thread-safe; one trace per frame.
final class StepTrace {
    /// Where the pen goes: `first` is the starting point.
    @FunctionalInterface
    interface Pen { void to(long time, double value, boolean first); }

    private final StepSeries series;
    private final long from;
    private final long to;

    StepTrace(StepSeries series, long from, long to) {
        this.series = series;
        this.from = from;
        this.to = to;
    }

    /// Where the line starts: the window's start, or the first corner when that is later.
    long start() { return series.size() == 0 ? to : Math.max(from, series.time(0)); }

    /// Feeds the pen; `pixelsPerMilli` decides which corners share a column.
    void run(Pen pen, double pixelsPerMilli) {
        long start = start();
        if (start > to) return;
        double value = series.valueAt(start);
        pen.to(start, value, true);
        var column = new Column(pixelsPerMilli);
        column.enter(start, value);
        long hold = series.holdMillis();
        for (int i = Math.max(0, series.indexAt(start) + 1); i < series.size() && series.time(i) <= to; i++) {
            long previousEnd = series.time(i - 1) + hold;
            if (hold > 0 && value != 0 && previousEnd < series.time(i)) {
                value = corner(pen, column, previousEnd, value, 0);
            }
            value = corner(pen, column, series.time(i), value, series.value(i));
        }
        int last = series.indexAt(to);
        if (hold > 0 && value != 0 && last >= 0 && series.time(last) + hold < to) {
            value = corner(pen, column, series.time(last) + hold, value, 0);
        }
        if (column.penValue != value) column.draw(pen, column.penTime, value);
        pen.to(to, value, false);
    }

    private static double corner(Pen pen, Column column, long time, double old, double value) {
        if (column.same(time)) {
            if (column.covers(value)) return value;
            column.draw(pen, time, value);
            return value;
        }
        // Back to the value the column ended on (inside its segment), so the horizontal run stays flat.
        if (column.penValue != old) column.draw(pen, column.penTime, old);
        pen.to(time, old, false);
        column.enter(time, old);
        column.draw(pen, time, value);
        return value;
    }

    /// The pixel column drawn last and the range of values its vertical segment covers.
    private static final class Column {
        private final double pixelsPerMilli;
        private long index = Long.MIN_VALUE;
        private double low;
        private double high;
        private long penTime;
        private double penValue;

        Column(double pixelsPerMilli) { this.pixelsPerMilli = pixelsPerMilli; }

        boolean same(long time) { return (long) Math.floor(time * pixelsPerMilli) == index; }

        boolean covers(double value) { return value >= low && value <= high; }

        void enter(long time, double value) {
            index = (long) Math.floor(time * pixelsPerMilli);
            low = value;
            high = value;
            penTime = time;
            penValue = value;
        }

        void draw(Pen pen, long time, double value) {
            pen.to(time, value, false);
            penTime = time;
            penValue = value;
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
    }
}
