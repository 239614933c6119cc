package dev.berth.visualizer.scale;

import java.time.Instant;
import java.util.Arrays;

/// One series of a scale chart as corners of a step line: `value` holds from `at` on, until the next corner
/// (or, with a `holdMillis` above 0, for that long and then falls to 0: a per-second request count that
/// nobody updates after a burst must not stay up forever). Kept in two growing primitive arrays, so hours of
/// corners cost a few bytes each, and found by binary search, so drawing a window costs only the corners in
/// it. At most `capacity` corners: past it the older half goes. Not thread-safe: FX thread only.
public final class StepSeries {
    private final long holdMillis;
    private final int capacity;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int size;

    public StepSeries(long holdMillis, int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        this.holdMillis = holdMillis;
        this.capacity = capacity;
    }

    /// Sets the value from `at` on. A corner at the newest corner's time replaces it; an older one is taken as
    /// happening then (events of one batch may arrive a millisecond out of order); an unchanged value adds
    /// nothing unless the series holds values only for a while.
    public void set(Instant at, double value) {
        long t = at.toEpochMilli();
        if (size > 0) {
            long last = times[size - 1];
            if (t <= last) {
                values[size - 1] = value;
                return;
            }
            if (holdMillis == 0 && values[size - 1] == value) return;
        }
        if (size == capacity) dropOlderHalf();
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.min(capacity, size * 2));
            values = Arrays.copyOf(values, times.length);
        }
        times[size] = t;
        values[size] = value;
        size++;
    }

    /// Adds `delta` to the value at `at` (a new corner when `at` is later than the newest).
    public void add(Instant at, double delta) {
        if (size > 0 && at.toEpochMilli() <= times[size - 1]) values[size - 1] += delta;
        else set(at, delta);
    }

    public int size() { return size; }

    public long holdMillis() { return holdMillis; }

    public long time(int index) { return times[index]; }

    public double value(int index) { return values[index]; }

    /// The index of the last corner at or before `millis`, or -1 when every corner is later.
    public int indexAt(long millis) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= millis) low = mid + 1;
            else high = mid - 1;
        }
        return high;
    }

    /// The value the line shows at `millis` (0 before the first corner or after a held value ran out).
    public double valueAt(long millis) {
        int i = indexAt(millis);
        if (i < 0) return 0;
        if (holdMillis > 0 && millis >= times[i] + holdMillis) return 0;
        return values[i];
    }

    /// The largest value shown between `from` and `to` (inclusive).
    public double max(long from, long to) {
        double max = valueAt(from);
        for (int i = Math.max(0, indexAt(from) + 1); i < size && times[i] <= to; i++) max = Math.max(max, values[i]);
        return max;
    }

    public void clear() { size = 0; }

    private void dropOlderHalf() {
        int keep = size - size / 2;
        System.arraycopy(times, size - keep, times, 0, keep);
        System.arraycopy(values, size - keep, values, 0, keep);
        size = keep;
    }
}
