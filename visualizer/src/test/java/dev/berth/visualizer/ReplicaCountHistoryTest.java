package dev.berth.visualizer;

import dev.berth.visualizer.ReplicaCountHistory.Point;
import dev.berth.visualizer.ReplicaCountHistory.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaCountHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void steps_samplesInWindow_holdEachValueUntilTheNextAndEndAtNow() {
        ReplicaCountHistory history = new ReplicaCountHistory(Duration.ofMinutes(5));
        history.record(T0, 0, 1);
        history.record(T0.plusSeconds(10), 1, 1);
        history.record(T0.plusSeconds(20), 1, 3);
        assertThat(history.steps(T0.plusSeconds(30), Sample::total)).containsExactly(
                new Point(T0, 1), new Point(T0.plusSeconds(10), 1), new Point(T0.plusSeconds(20), 3),
                new Point(T0.plusSeconds(30), 3));
        assertThat(history.steps(T0.plusSeconds(30), Sample::ready)).extracting(Point::value)
                .containsExactly(0, 1, 1, 1);
    }

    @Test
    void record_pastTheWindow_prunesButKeepsTheValueAtTheWindowStart() {
        ReplicaCountHistory history = new ReplicaCountHistory(Duration.ofMinutes(1));
        history.record(T0, 1, 2);
        history.record(T0.plusSeconds(30), 2, 2);
        history.record(T0.plusSeconds(100), 0, 0);
        assertThat(history.samples()).extracting(Sample::at)
                .containsExactly(T0.plusSeconds(30), T0.plusSeconds(100));
        assertThat(history.steps(T0.plusSeconds(100), Sample::ready)).containsExactly(
                new Point(T0.plusSeconds(40), 2), new Point(T0.plusSeconds(100), 0));
    }

    @Test
    void record_outOfOrderOrSameInstant_neverRunsBackwards() {
        ReplicaCountHistory history = new ReplicaCountHistory(Duration.ofMinutes(5));
        history.record(T0.plusSeconds(10), 1, 1);
        history.record(T0, 2, 2);
        assertThat(history.samples()).containsExactly(new Sample(T0.plusSeconds(10), 2, 2));
    }

    @Test
    void maxTotal_onlyCountsTheWindow() {
        ReplicaCountHistory history = new ReplicaCountHistory(Duration.ofMinutes(1));
        history.record(T0, 9, 9);
        history.record(T0.plusSeconds(70), 2, 3);
        history.record(T0.plusSeconds(80), 2, 4);
        assertThat(history.maxTotal(T0.plusSeconds(200))).isEqualTo(4);
    }

    @Test
    void integerStep_andAxisTop_giveFewWholeTicks() {
        assertThat(ReplicaCountHistory.integerStep(1)).isEqualTo(1);
        assertThat(ReplicaCountHistory.integerStep(5)).isEqualTo(1);
        assertThat(ReplicaCountHistory.integerStep(7)).isEqualTo(2);
        assertThat(ReplicaCountHistory.integerStep(23)).isEqualTo(5);
        assertThat(ReplicaCountHistory.integerStep(300)).isEqualTo(100);
        assertThat(ReplicaCountHistory.axisTop(0)).isEqualTo(1);
        assertThat(ReplicaCountHistory.axisTop(3)).isEqualTo(4);
        assertThat(ReplicaCountHistory.axisTop(10)).isEqualTo(12);
    }

    @Test
    void timeTick_fiveMinuteWindow_labelsEachMinute() {
        assertThat(ReplicaCountHistory.timeTick(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReplicaCountHistory.timeTick(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ReplicaCountHistory.timeTick(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(5));
    }
}
