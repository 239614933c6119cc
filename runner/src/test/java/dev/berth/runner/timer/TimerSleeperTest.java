package dev.berth.runner.timer;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The production sleeper against the real clock: short waits only, so the suite stays fast.
class TimerSleeperTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void sleepUntil_futureDeadline_returnsNoEarlierThanTheDeadline() throws Exception {
        var deadline = clock.instant().plusMillis(60);

        Sleeper.of(clock).sleepUntil(deadline);

        assertThat(clock.instant()).isAfterOrEqualTo(deadline);
    }

    @Test
    void sleepUntil_pastDeadline_returnsAtOnce() throws Exception {
        long start = System.nanoTime();

        Sleeper.of(clock).sleepUntil(Instant.EPOCH);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void scheduler_withRealClock_firesEverySecondSchedule() throws Exception {
        var twoRuns = new CountDownLatch(2);
        var everySecond = TimerSchedule.parse("* * * * * *", ZoneOffset.UTC, Map.of());
        try (var scheduler = new TimerScheduler(clock, Sleeper.of(clock), Optional.empty(), i -> twoRuns.countDown())) {
            scheduler.start(TimerFunction.of("tick", everySecond));

            assertThat(twoRuns.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
