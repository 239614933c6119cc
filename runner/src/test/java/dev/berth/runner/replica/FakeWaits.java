package dev.berth.runner.replica;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/// Waits that advance a [TestClock] by the asked delay and record it, while really pausing at most a
/// couple of milliseconds (so polling loops yield instead of spinning). Thread-safe.
final class FakeWaits implements Waits {
    private final TestClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    FakeWaits(TestClock clock) { this.clock = clock; }

    @Override
    public boolean pause(Duration delay, Semaphore wake) throws InterruptedException {
        delays.add(delay);
        clock.advance(delay);
        return wake.tryAcquire(Math.min(delay.toMillis(), 2), TimeUnit.MILLISECONDS);
    }

    /// The delays of at least `floor`: restart backoffs, given probe and status periods below it.
    List<Duration> atLeast(Duration floor) {
        return delays.stream().filter(d -> d.compareTo(floor) >= 0).toList();
    }
}
