package dev.berth.runner.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/// A clock that moves only when a test says so, and the [Sleeper] that goes with it: sleepers wake
/// when the clock is advanced (they re-read it), so time-based behaviour is tested in milliseconds.
/// Thread-safe.
final class ManualClock extends Clock implements Sleeper {
    private final AtomicReference<Instant> now;
    private final Set<Wakeup> sleeping = ConcurrentHashMap.newKeySet();

    ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        sleeping.forEach(Wakeup::signal);
    }

    /// How many loops are waiting on this clock right now.
    int sleepers() {
        return sleeping.size();
    }

    @Override
    public void sleepUntil(Instant deadline, Wakeup wakeup) throws InterruptedException {
        sleeping.add(wakeup);
        try {
            // Registered before this check, so an advance between the two still wakes us.
            if (instant().isBefore(deadline)) wakeup.await(Duration.ofMinutes(5));
        } finally {
            sleeping.remove(wakeup);
        }
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
