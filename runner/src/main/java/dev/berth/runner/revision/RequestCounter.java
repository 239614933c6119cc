package dev.berth.runner.revision;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/// Requests routed to each revision over the last minute, in one-second buckets read from the injected
/// clock. Thread-safe (synchronised; a few map operations per request).
final class RequestCounter {
    static final int SECONDS = 60;

    private final Clock clock;
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, long[]> stamps = new HashMap<>();

    RequestCounter(Clock clock) { this.clock = clock; }

    synchronized void record(String revision) {
        long second = clock.millis() / 1000;
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        var count = counts.computeIfAbsent(revision, r -> new long[SECONDS]);
        var stamp = stamps.computeIfAbsent(revision, r -> new long[SECONDS]);
        if (stamp[slot] != second) {
            stamp[slot] = second;
            count[slot] = 0;
        }
        count[slot]++;
    }

    /// Revision → requests in the last 60 seconds (including the current one).
    synchronized Map<String, Long> lastMinute() {
        long now = clock.millis() / 1000;
        var result = new java.util.LinkedHashMap<String, Long>();
        counts.forEach((revision, count) -> {
            var stamp = stamps.get(revision);
            long sum = 0;
            for (int i = 0; i < SECONDS; i++) if (now - stamp[i] < SECONDS && stamp[i] <= now) sum += count[i];
            result.put(revision, sum);
        });
        return result;
    }
}
