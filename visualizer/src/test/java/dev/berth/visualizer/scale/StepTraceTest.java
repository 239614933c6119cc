package dev.berth.visualizer.scale;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepTraceTest {
    private record Corner(long time, double value) {}

    private static List<Corner> trace(StepSeries series, long from, long to, double pixelsPerMilli) {
        var out = new ArrayList<Corner>();
        new StepTrace(series, from, to).run((time, value, first) -> out.add(new Corner(time, value)), pixelsPerMilli);
        return out;
    }

    @Test
    void trace_fewCorners_drawsHorizontalThenVerticalSteps() {
        var series = new StepSeries(0, 100);
        series.set(Instant.ofEpochMilli(1_000), 1);
        series.set(Instant.ofEpochMilli(5_000), 3);

        assertThat(trace(series, 0, 10_000, 0.1)).containsExactly(new Corner(1_000, 1), new Corner(5_000, 1),
                new Corner(5_000, 3), new Corner(10_000, 3));
    }

    @Test
    void trace_heldValue_fallsToZeroAfterItsHold() {
        var series = new StepSeries(1_000, 100);
        series.add(Instant.ofEpochMilli(2_000), 1);
        series.add(Instant.ofEpochMilli(2_000), 1);

        assertThat(trace(series, 0, 10_000, 0.1)).containsExactly(new Corner(2_000, 2), new Corner(3_000, 2),
                new Corner(3_000, 0), new Corner(10_000, 0));
        assertThat(series.valueAt(2_500)).isEqualTo(2);
        assertThat(series.valueAt(3_500)).isZero();
    }

    @Test
    void trace_hundredThousandCornersInAThousandPixels_drawsAFewPointsPerColumn() {
        var series = new StepSeries(0, 200_000);
        for (int i = 0; i < 100_000; i++) series.set(Instant.ofEpochMilli(i * 10L), i % 2 == 0 ? 2 : 5);

        var corners = trace(series, 0, 1_000_000, 1_000 / 1_000_000.0);

        assertThat(corners.size()).isLessThan(5_000);
        assertThat(corners).extracting(Corner::value).containsOnly(2.0, 5.0);
        assertThat(corners.getLast().time()).isEqualTo(1_000_000);
    }

    @Test
    void set_pastCapacity_dropsTheOlderHalfAndKeepsTheNewest() {
        var series = new StepSeries(0, 10);
        for (int i = 0; i < 25; i++) series.set(Instant.ofEpochMilli(i), i);

        assertThat(series.size()).isLessThanOrEqualTo(10);
        assertThat(series.value(series.size() - 1)).isEqualTo(24);
        assertThat(series.indexAt(-1)).isEqualTo(-1);
    }

    @Test
    void set_olderThanNewest_replacesTheNewestValueInsteadOfGoingBack() {
        var series = new StepSeries(0, 10);
        series.set(Instant.ofEpochMilli(100), 1);
        series.set(Instant.ofEpochMilli(90), 2);

        assertThat(series.size()).isEqualTo(1);
        assertThat(series.valueAt(100)).isEqualTo(2);
    }
}
