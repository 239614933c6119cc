package dev.berth.runner.timer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Next occurrences across daylight saving transitions in America/New_York
/// (2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST).
class NcrontabDstTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<Instant> occurrences(String expression, String after, int count) {
        var cron = NcrontabExpression.parse(expression);
        var out = new ArrayList<Instant>();
        var t = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            t = cron.next(t, NEW_YORK);
            out.add(t);
        }
        return out;
    }

    @Test
    void next_dailyInsideTheSpringForwardGap_firesOnceWhenTheClockJumps() {
        // 02:30 does not exist on 2026-03-08; the run happens at 03:00 EDT (07:00Z), then 02:30 EDT as usual.
        assertThat(occurrences("0 30 2 * * *", "2026-03-07T12:00:00Z", 3)).containsExactly(
                Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-09T06:30:00Z"),
                Instant.parse("2026-03-10T06:30:00Z"));
    }

    @Test
    void next_everyFifteenMinutesOverSpringForward_skipsTheMissingHourWithoutDuplicates() {
        assertThat(occurrences("0 */15 * * * *", "2026-03-08T06:40:00Z", 4)).containsExactly(
                Instant.parse("2026-03-08T06:45:00Z"), // 01:45 EST
                Instant.parse("2026-03-08T07:00:00Z"), // 02:00 is missing: fires at the jump (03:00 EDT)
                Instant.parse("2026-03-08T07:15:00Z"), // 03:15 EDT
                Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void next_dailyInsideTheFallBackOverlap_firesOnceAtTheFirstInstant() {
        // 01:30 happens twice on 2026-11-01; it fires at 01:30 EDT (05:30Z) only.
        assertThat(occurrences("0 30 1 * * *", "2026-10-31T12:00:00Z", 2)).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"),
                Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void next_hourlyOverFallBack_doesNotRepeatTheRepeatedHour() {
        assertThat(occurrences("0 0 * * * *", "2026-11-01T04:30:00Z", 3)).containsExactly(
                Instant.parse("2026-11-01T05:00:00Z"), // 01:00 EDT
                Instant.parse("2026-11-01T07:00:00Z"), // 02:00 EST; 01:00 EST is the same local hour again
                Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void next_startingInsideTheSecondPassOfTheOverlap_firesAtTheLaterOffset() {
        // 06:10Z is 01:10 EST (second pass); 01:15 EDT has already passed, 01:15 EST has not.
        assertThat(occurrences("0 15 1 * * *", "2026-11-01T06:10:00Z", 1))
                .containsExactly(Instant.parse("2026-11-01T06:15:00Z"));
    }

    @Test
    void next_inBerlin_followsLocalTimeAcrossTheSeasons() {
        var cron = NcrontabExpression.parse("0 0 9 * * *");
        var berlin = ZoneId.of("Europe/Berlin");

        assertThat(cron.next(Instant.parse("2026-01-15T00:00:00Z"), berlin)).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(cron.next(Instant.parse("2026-07-15T00:00:00Z"), berlin)).isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
    }
}
