package dev.berth.visualizer.durable;

import java.time.Instant;
import java.util.List;

/// Where things go in one frame of the timeline view: lanes are rows of [#ROW] pixels under the time axis,
/// labels take the left [#LABELS] pixels, and the plot maps the timeline's span (times `zoom`, starting at
/// fraction `offset` of it) onto the rest. Pure geometry, so it is tested without a toolkit; immutable.
record TimelineLayout(Timeline timeline, Instant now, double width, double height, double scrollY, double zoom,
                      double offset, Instant origin, double spanMillis, double pixelsPerMilli) {
    static final double ROW = 26;
    static final double AXIS = 28;
    static final double LABELS = 200;
    static final double RIGHT = 18;
    static final double BAR = 14;
    static final double MIN_BAR = 3;
    static final double POINT = 6;

    /// The layout of one frame; the scale is worked out once here, as a frame maps thousands of instants.
    static TimelineLayout of(Timeline timeline, Instant now, double width, double height, double scrollY, double zoom,
                             double offset) {
        Instant origin = timeline.start() == null ? now : timeline.start();
        double span = timeline.span(now).toNanos() / 1e6;
        double plotWidth = Math.max(1, width - LABELS - RIGHT);
        return new TimelineLayout(timeline, now, width, height, scrollY, zoom, offset, origin, span,
                zoom * plotWidth / span);
    }

    double plotLeft() {
        return LABELS;
    }

    double plotWidth() {
        return Math.max(1, width - LABELS - RIGHT);
    }

    double plotRight() {
        return LABELS + plotWidth();
    }

    /// Milliseconds shown across the plot.
    double visibleMillis() {
        return spanMillis() / zoom;
    }

    double x(Instant at) {
        double millis = (at.getEpochSecond() - origin.getEpochSecond()) * 1e3 + (at.getNano() - origin.getNano()) / 1e6;
        return LABELS + millis * pixelsPerMilli - offset * zoom * plotWidth();
    }

    /// The time at pixel `x`, as milliseconds from the origin.
    double millisAt(double x) {
        return ((x - LABELS) / (zoom * plotWidth()) + offset) * spanMillis();
    }

    double contentHeight() {
        return timeline.lanes().size() * ROW;
    }

    double viewportHeight() {
        return Math.max(0, height - AXIS);
    }

    double rowTop(int lane) {
        return AXIS + lane * ROW - scrollY;
    }

    int firstVisibleLane() {
        return Math.max(0, (int) Math.floor(scrollY / ROW));
    }

    int lastVisibleLane() {
        return Math.min(timeline.lanes().size() - 1, (int) Math.floor((scrollY + viewportHeight()) / ROW));
    }

    /// A bar's left edge; its right edge is at least [#MIN_BAR] further, so a short call stays visible.
    double left(Bar bar) {
        return x(bar.start());
    }

    double right(Bar bar) {
        return Math.max(x(bar.end() == null ? now : bar.end()), left(bar) + MIN_BAR);
    }

    /// The bar under a point of the view, or null.
    Bar hit(double px, double py) {
        if (py < AXIS || px < LABELS || timeline.lanes().isEmpty()) {
            return null;
        }
        int lane = (int) Math.floor((py - AXIS + scrollY) / ROW);
        if (lane < 0 || lane >= timeline.lanes().size()) {
            return null;
        }
        Bar best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Bar bar : timeline.barsOf(lane)) {
            double left = bar.point() ? left(bar) - POINT : left(bar);
            double right = bar.point() ? left(bar) + POINT : right(bar);
            double distance = px < left ? left - px : px > right ? px - right : 0;
            if (distance <= 2 && distance <= bestDistance) {
                best = bar;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// The index in `bars` (sorted by start, not overlapping) of the first that may reach `x` or beyond.
    int firstReaching(List<Bar> bars, double x) {
        int low = 0;
        int high = bars.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (left(bars.get(mid)) < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return Math.max(0, low - 1);
    }
}
