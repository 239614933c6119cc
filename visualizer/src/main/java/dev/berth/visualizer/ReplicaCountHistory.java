package dev.berth.visualizer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToIntFunction;

/// The replica-count samples of the last `window`, and the arithmetic the chart draws from: step
/// corners, the integer y scale and time ticks. Kept apart from the canvas so it is tested without a
/// toolkit. Not thread-safe: FX thread only, like the chart that owns it.
public final class ReplicaCountHistory {
    /// One observation: from `at` on, `ready` of `total` replicas were ready.
    public record Sample(Instant at, int ready, int total) {}

    /// A corner of a step line: `value` holds from `at` on.
    public record Point(Instant at, int value) {}

    private static final Duration[] TICKS = {Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)};

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public ReplicaCountHistory(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /// Adds a sample; one older than the newest is taken as happening at the newest's time, so the
    /// line never runs backwards. Samples that left the window are pruned, except the one that
    /// gives the value at the window's start.
    public void record(Instant at, int ready, int total) {
        Instant when = samples.isEmpty() || at.isAfter(samples.getLast().at()) ? at : samples.getLast().at();
        if (!samples.isEmpty() && samples.getLast().at().equals(when)) {
            samples.removeLast();
        }
        samples.addLast(new Sample(when, ready, total));
        prune(when);
    }

    /// Drops samples no longer needed to draw the window ending at `now`.
    public void prune(Instant now) {
        Instant from = now.minus(window);
        while (samples.size() > 1 && !secondSample().isAfter(from)) {
            samples.removeFirst();
        }
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /// The corners of one series' step line over the window ending at `now`, starting at the window's
    /// start (or the first sample, if later) and ending at `now`.
    public List<Point> steps(Instant now, ToIntFunction<Sample> series) {
        Instant from = now.minus(window);
        List<Point> points = new ArrayList<>();
        for (Sample sample : samples) {
            Instant at = sample.at().isBefore(from) ? from : sample.at();
            if (at.isAfter(now)) {
                break;
            }
            if (!points.isEmpty() && points.getLast().at().equals(at)) {
                points.removeLast();
            }
            points.add(new Point(at, series.applyAsInt(sample)));
        }
        if (!points.isEmpty() && points.getLast().at().isBefore(now)) {
            points.add(new Point(now, points.getLast().value()));
        }
        return points;
    }

    /// The largest total seen in the window ending at `now`.
    public int maxTotal(Instant now) {
        int max = 0;
        for (Point point : steps(now, Sample::total)) {
            max = Math.max(max, point.value());
        }
        return max;
    }

    /// A step between integer y ticks that gives at most about five ticks up to `max`: 1, 2, 5, 10, 20 …
    public static int integerStep(int max) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if ((long) max <= 5L * step * factor) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /// The top of the y axis: a tick above `max`, so the lines never touch the frame.
    public static int axisTop(int max) {
        int step = integerStep(Math.max(1, max));
        return (max / step + 1) * step;
    }

    /// The spacing of time ticks that gives at most six labels over `window`.
    public static Duration timeTick(Duration window) {
        for (Duration tick : TICKS) {
            if (window.dividedBy(tick) <= 6) {
                return tick;
            }
        }
        return TICKS[TICKS.length - 1];
    }

    private Instant secondSample() {
        var it = samples.iterator();
        it.next();
        return it.next().at();
    }
}
