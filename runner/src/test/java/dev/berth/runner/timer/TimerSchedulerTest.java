package dev.berth.runner.timer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.runner.timer.TimerInvocation.Reason.PAST_DUE;
import static dev.berth.runner.timer.TimerInvocation.Reason.RUN_ON_STARTUP;
import static dev.berth.runner.timer.TimerInvocation.Reason.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimerSchedulerTest {
    private static final TimerSchedule EVERY_FIVE_MINUTES = TimerSchedule.parse("0 */5 * * * *", Map.of());

    @TempDir Path dir;
    private final FakeTime time = new FakeTime(at("10:03:00"));
    private final List<TimerInvocation> fired = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private static Instant at(String hms) {
        return Instant.parse("2026-11-22T" + hms + "Z");
    }

    private TimerStatusStore store() throws SQLException {
        var store = TimerStatusStore.open(dir.resolve(".berth/berth.db"));
        toClose.add(store);
        return store;
    }

    private TimerScheduler scheduler(Optional<TimerStatusStore> store, TimerFiring firing) {
        var scheduler = new TimerScheduler(time, time, store, firing);
        toClose.add(scheduler);
        return scheduler;
    }

    private TimerFiring recorder() {
        return invocation -> {
            synchronized (fired) {
                fired.add(invocation);
            }
        };
    }

    private List<TimerInvocation> fired() {
        synchronized (fired) {
            return List.copyOf(fired);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (var c : toClose.reversed()) c.close();
    }

    @Test
    void start_cronSchedule_firesAtEachOccurrence() throws Exception {
        scheduler(Optional.of(store()), recorder()).start(TimerFunction.of("cleanup", EVERY_FIVE_MINUTES));

        time.runUntil(at("10:16:00"));

        assertThat(fired()).extracting(TimerInvocation::function, TimerInvocation::reason, TimerInvocation::scheduledFor,
                        TimerInvocation::firedAt)
                .containsExactly(
                        tuple("cleanup", SCHEDULED, at("10:05:00"), at("10:05:00")),
                        tuple("cleanup", SCHEDULED, at("10:10:00"), at("10:10:00")),
                        tuple("cleanup", SCHEDULED, at("10:15:00"), at("10:15:00")));
        assertThat(fired()).allSatisfy(i -> assertThat(i.info().isPastDue()).isFalse());
    }

    @Test
    void start_runOnStartup_firesOnceAtStartThenOnSchedule() throws Exception {
        scheduler(Optional.of(store()), recorder())
                .start(new TimerFunction("warmup", EVERY_FIVE_MINUTES, true, true));

        time.runUntil(at("10:06:00"));

        assertThat(fired()).extracting(TimerInvocation::reason, TimerInvocation::firedAt)
                .containsExactly(tuple(RUN_ON_STARTUP, at("10:03:00")), tuple(SCHEDULED, at("10:05:00")));
        assertThat(fired().getFirst().info().isPastDue()).isFalse();
    }

    @Test
    void run_longerThanTheInterval_neverOverlapsAndCatchesUpOnce() throws Exception {
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        TimerFiring slowFirstRun = invocation -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            recorder().fire(invocation);
            // The 10:05 run takes 12 minutes: 10:10 and 10:15 come and go while it runs.
            if (invocation.scheduledFor().equals(at("10:05:00"))) time.advance(Duration.ofMinutes(12));
            running.decrementAndGet();
        };
        scheduler(Optional.of(store()), slowFirstRun).start(TimerFunction.of("report", EVERY_FIVE_MINUTES));

        time.runUntil(at("10:21:00"));

        // As in Azure: the next occurrence is computed from the run's start (10:10), already due when the run
        // ends at 10:17, so it fires at once; 10:15 is skipped; then the schedule resumes at 10:20.
        assertThat(fired()).extracting(TimerInvocation::scheduledFor, TimerInvocation::firedAt).containsExactly(
                tuple(at("10:05:00"), at("10:05:00")),
                tuple(at("10:10:00"), at("10:17:00")),
                tuple(at("10:20:00"), at("10:20:00")));
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void restart_afterMissedOccurrences_firesOncePastDueThenResumes() throws Exception {
        var first = scheduler(Optional.of(store()), recorder());
        first.start(TimerFunction.of("sync", EVERY_FIVE_MINUTES));
        time.runUntil(at("10:06:00"));
        first.close();

        time.jumpTo(at("10:31:30")); // Berth was down for 10:10 … 10:30
        scheduler(Optional.of(store()), recorder()).start(TimerFunction.of("sync", EVERY_FIVE_MINUTES));
        time.runUntil(at("10:36:00"));

        assertThat(fired()).extracting(TimerInvocation::reason, TimerInvocation::scheduledFor, TimerInvocation::firedAt)
                .containsExactly(
                        tuple(SCHEDULED, at("10:05:00"), at("10:05:00")),
                        tuple(PAST_DUE, at("10:10:00"), at("10:31:30")),
                        tuple(SCHEDULED, at("10:35:00"), at("10:35:00")));
        var pastDue = fired().get(1).info();
        assertThat(pastDue.isPastDue()).isTrue();
        assertThat(pastDue.toJson().get("ScheduleStatus").toString()).isEqualTo(
                "{\"Last\":\"2026-11-22T10:05:00+00:00\",\"Next\":\"2026-11-22T10:10:00+00:00\","
                        + "\"LastUpdated\":\"2026-11-22T10:05:00+00:00\"}");
    }

    @Test
    void restart_beforeTheNextOccurrence_continuesFromThePersistedStatus() throws Exception {
        var first = scheduler(Optional.of(store()), recorder());
        first.start(TimerFunction.of("sync", EVERY_FIVE_MINUTES));
        time.runUntil(at("10:06:00"));
        first.close();

        var store = store();
        assertThat(store.load("sync")).contains(new ScheduleStatus(Optional.of(at("10:05:00")), at("10:10:00"),
                Optional.of(at("10:05:00"))));

        time.jumpTo(at("10:08:00"));
        scheduler(Optional.of(store), recorder()).start(TimerFunction.of("sync", EVERY_FIVE_MINUTES));
        time.runUntil(at("10:11:00"));

        assertThat(fired()).extracting(TimerInvocation::reason, TimerInvocation::scheduledFor)
                .containsExactly(tuple(SCHEDULED, at("10:05:00")), tuple(SCHEDULED, at("10:10:00")));
        assertThat(fired().get(1).info().toJson().at("/ScheduleStatus/Last").asText()).isEqualTo("2026-11-22T10:05:00+00:00");
        assertThat(store.load("sync").orElseThrow().next()).isEqualTo(at("10:15:00"));
    }

    @Test
    void restart_withChangedSchedule_recomputesNextInsteadOfFiringPastDue() throws Exception {
        var first = scheduler(Optional.of(store()), recorder());
        first.start(TimerFunction.of("sync", EVERY_FIVE_MINUTES));
        time.runUntil(at("10:06:00"));
        first.close();

        time.jumpTo(at("10:12:00"));
        var hourly = TimerSchedule.parse("0 0 * * * *", Map.of());
        var store = store();
        scheduler(Optional.of(store), recorder()).start(TimerFunction.of("sync", hourly));
        time.runUntil(at("11:01:00"));

        // The stored next (10:10) belonged to the old schedule; from the last run (10:05) the new one says 11:00.
        assertThat(fired()).extracting(TimerInvocation::reason, TimerInvocation::scheduledFor)
                .containsExactly(tuple(SCHEDULED, at("10:05:00")), tuple(SCHEDULED, at("11:00:00")));
    }

    @Test
    void restart_unmonitoredTimer_doesNotFirePastDue() throws Exception {
        var unmonitored = new TimerFunction("sync", EVERY_FIVE_MINUTES, false, false);
        var first = scheduler(Optional.of(store()), recorder());
        first.start(unmonitored);
        time.runUntil(at("10:06:00"));
        first.close();

        time.jumpTo(at("10:31:30"));
        scheduler(Optional.of(store()), recorder()).start(unmonitored);
        time.runUntil(at("10:36:00"));

        assertThat(fired()).extracting(TimerInvocation::reason, TimerInvocation::scheduledFor)
                .containsExactly(tuple(SCHEDULED, at("10:05:00")), tuple(SCHEDULED, at("10:35:00")));
        assertThat(fired()).allSatisfy(i -> assertThat(i.info().toJson().get("ScheduleStatus").isNull()).isTrue());
        assertThat(store().load("sync")).isEmpty();
    }

    @Test
    void firing_thatThrows_doesNotStopTheSchedule() throws Exception {
        scheduler(Optional.empty(), invocation -> {
            recorder().fire(invocation);
            throw new IllegalStateException("function failed");
        }).start(TimerFunction.of("flaky", EVERY_FIVE_MINUTES));

        time.runUntil(at("10:11:00"));

        assertThat(fired()).extracting(TimerInvocation::scheduledFor).containsExactly(at("10:05:00"), at("10:10:00"));
    }

    @Test
    void interval_schedule_firesEveryIntervalFromTheLastRun() throws Exception {
        var everyNinety = TimerSchedule.parse("00:01:30", Map.of());
        scheduler(Optional.of(store()), recorder()).start(new TimerFunction("tick", everyNinety, true, true));

        time.runUntil(at("10:06:30"));

        assertThat(fired()).extracting(TimerInvocation::firedAt)
                .containsExactly(at("10:03:00"), at("10:04:30"), at("10:06:00"));
    }

    @Test
    void close_interruptsARunInFlightAndStopsTheTimer() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        var scheduler = scheduler(Optional.empty(), invocation -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        scheduler.start(new TimerFunction("stuck", EVERY_FIVE_MINUTES, true, false));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(time.instant()).isEqualTo(at("10:03:00"));
    }
}
