package dev.berth.runner.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/// Virtual time for timer tests: a clock plus a sleeper that jumps the clock to the deadline instead of
/// waiting, but only up to a horizon the test sets. A timer that wants to sleep past the horizon parks, and
/// [#awaitParked] lets the test wait for that, so each step is deterministic and takes milliseconds.
final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    private Instant horizon;
    private final List<Instant> parked = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
        this.horizon = start;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
        parked.add(deadline);
        notifyAll();
        try {
            while (deadline.isAfter(horizon)) wait();
        } finally {
            parked.remove(deadline);
        }
        if (deadline.isAfter(now)) now = deadline;
    }

    /// Lets timers sleep until `until` (the clock follows them) and waits until they park beyond it.
    synchronized void runUntil(Instant until) throws InterruptedException {
        horizon = until;
        notifyAll();
        awaitParked();
    }

    /// Waits (up to 5 s of real time) until a timer sleeps towards a deadline beyond the horizon.
    synchronized void awaitParked() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (parked.stream().noneMatch(d -> d.isAfter(horizon))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no timer parked beyond " + horizon + " within 5 s");
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /// Moves the clock on, as a function that takes `d` to run would see it.
    synchronized void advance(Duration d) {
        now = now.plus(d);
        if (now.isAfter(horizon)) horizon = now;
        notifyAll();
    }

    /// Moves the clock to `at` without any timer running in between, as when Berth was not running.
    synchronized void jumpTo(Instant at) {
        now = at;
        horizon = at;
        notifyAll();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("virtual time is UTC only");
    }
}
