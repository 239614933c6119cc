package dev.berth.runner.timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Fires timer functions on their schedules, following the Azure Functions timer listener:
/// - one virtual thread per timer runs the function and only then schedules the next run, so runs never
///   overlap; occurrences missed while a run was going collapse into one immediate run (Azure's "next
///   computed from the invocation time, fire at once if already due");
/// - with `useMonitor`, last/next are persisted in [TimerStatusStore]; at start, a stored `next` that has
///   passed means an occurrence was missed while Berth was down, and the timer fires once with IsPastDue;
/// - otherwise `runOnStartup` fires once at start.
///
/// Thread-safe; `start` may be called from any thread. `close` stops every timer, interrupting runs in flight.
public final class TimerScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Optional<TimerStatusStore> store;
    private final TimerFiring firing;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /// `store` empty: nothing is persisted, so monitored timers behave as unmonitored ones across restarts.
    public TimerScheduler(Clock clock, Sleeper sleeper, Optional<TimerStatusStore> store, TimerFiring firing) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.store = store;
        this.firing = firing;
    }

    /// Starts firing `timer` on its own virtual thread.
    public synchronized void start(TimerFunction timer) {
        if (closed) throw new IllegalStateException("timer scheduler is closed");
        threads.add(Thread.ofVirtual().name("berth-timer-" + timer.name()).start(() -> run(timer)));
    }

    private void run(TimerFunction timer) {
        try {
            new TimerLoop(timer).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.error("timer {} stopped: its schedule status could not be read or written", timer.name(), e);
        }
    }

    /// The state of one timer; confined to that timer's thread.
    private final class TimerLoop {
        private final TimerFunction timer;
        private final boolean monitored;
        private ScheduleStatus status;

        TimerLoop(TimerFunction timer) {
            this.timer = timer;
            this.monitored = timer.useMonitor() && store.isPresent();
        }

        void run() throws InterruptedException, SQLException {
            var now = now();
            boolean pastDue = monitored && checkPastDue(now);
            if (status == null) status = ScheduleStatus.initial(timer.schedule().next(now), now);
            if (pastDue) {
                log.info("timer {} missed its occurrence at {}; running now with IsPastDue", timer.name(), status.next());
                invoke(TimerInvocation.Reason.PAST_DUE, status.next(), now);
            } else if (timer.runOnStartup()) {
                invoke(TimerInvocation.Reason.RUN_ON_STARTUP, now, now);
            }
            // `closed` too: a function that swallows the interrupt must not keep the timer alive.
            while (!closed && !Thread.currentThread().isInterrupted()) {
                var due = status.next();
                sleeper.sleepUntil(due);
                // A sleeper may wake a hair early; Azure then counts the run as the scheduled time.
                var firedAt = now();
                invoke(TimerInvocation.Reason.SCHEDULED, due, firedAt.isBefore(due) ? due : firedAt);
            }
        }

        /// Azure's CheckPastDue: recompute `next` from what the last run (or the last update) saw, so an edited
        /// schedule is noticed, and report whether that occurrence has passed.
        private boolean checkPastDue(Instant now) throws SQLException {
            var stored = store.orElseThrow().load(timer.name());
            if (stored.isEmpty()) {
                status = ScheduleStatus.initial(timer.schedule().next(now), now);
                store.get().save(timer.name(), status);
                return false;
            }
            var s = stored.get();
            var basis = s.last().or(s::lastUpdated);
            var expected = basis.map(timer.schedule()::next).orElse(s.next());
            status = expected.equals(s.next()) ? s : new ScheduleStatus(s.last(), expected, basis.or(() -> Optional.of(now)));
            if (status != s) store.get().save(timer.name(), status);
            return now.isAfter(expected);
        }

        private void invoke(TimerInvocation.Reason reason, Instant scheduledFor, Instant invokedAt)
                throws InterruptedException, SQLException {
            var info = new TimerInfo(monitored ? Optional.of(status) : Optional.empty(),
                    reason == TimerInvocation.Reason.PAST_DUE, timer.schedule().zone());
            try {
                firing.fire(new TimerInvocation(timer.name(), reason, scheduledFor, invokedAt, info));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // As in Azure, a failing function does not stop its schedule.
                log.warn("timer {} run ({}) failed", timer.name(), reason, e);
            }
            status = new ScheduleStatus(Optional.of(invokedAt), timer.schedule().next(invokedAt), Optional.of(invokedAt));
            if (monitored) store.orElseThrow().save(timer.name(), status);
        }

        private Instant now() {
            // The store keeps milliseconds; keeping the same here makes "schedule changed?" checks exact.
            return clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /// Stops every timer: interrupts its thread (and so a run in flight) and waits up to 5 s for each.
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(threads);
        }
        running.forEach(Thread::interrupt);
        try {
            for (var thread : running) {
                if (!thread.join(Duration.ofSeconds(5))) log.warn("{} did not stop within 5 s", thread.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
