package dev.berth.runner.eventgrid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/// Runs scheduled tasks only when a test moves time, on the test's thread, moving the clock to each task's due
/// time first. Records every delay it was asked for. Test-thread only.
final class FakeScheduler implements DeliveryScheduler {
    private record Task(Instant due, long seq, Runnable run) {}

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    final List<Duration> delays = new ArrayList<>();
    private long seq;
    boolean closed;

    FakeScheduler(MutableClock clock) { this.clock = clock; }

    @Override
    public void schedule(Duration delay, Runnable task) {
        if (closed) return;
        delays.add(delay);
        tasks.add(new Task(clock.instant().plus(delay), seq++, task));
    }

    /// Runs what is due now, including tasks those tasks schedule with no delay.
    void runDue() { advance(Duration.ZERO); }

    /// Moves time forward by `by`, running every task that comes due on the way, in order.
    void advance(Duration by) {
        var target = clock.instant().plus(by);
        while (!tasks.isEmpty() && !tasks.peek().due().isAfter(target)) {
            var task = tasks.poll();
            if (task.due().isAfter(clock.instant())) clock.set(task.due());
            task.run().run();
        }
        clock.set(target);
    }

    /// Runs everything, however far in the future, until nothing is scheduled.
    void runAll() {
        while (!tasks.isEmpty()) advance(Duration.between(clock.instant(), tasks.peek().due()));
    }

    int scheduled() { return tasks.size(); }

    @Override
    public void close() {
        closed = true;
        tasks.clear();
    }
}
