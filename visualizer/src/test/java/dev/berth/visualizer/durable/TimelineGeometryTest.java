package dev.berth.visualizer.durable;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The time axis and the frame geometry of the timeline view, without a toolkit.
class TimelineGeometryTest {
    @Test
    void step_leavesRoomForLabels() {
        assertThat(TimeAxis.step(1_000, 1_000, 90)).isEqualTo(100);
        assertThat(TimeAxis.step(60_000, 600, 90)).isEqualTo(10_000);
        assertThat(TimeAxis.step(3 * 3_600_000.0, 900, 90)).isEqualTo(30 * 60_000);
        assertThat(TimeAxis.step(0, 900, 90)).as("degenerate span").isPositive();
    }

    @Test
    void offset_readsAsPreciseAsTheStep() {
        assertThat(TimeAxis.offset(0, 100)).isEqualTo("0");
        assertThat(TimeAxis.offset(250, 50)).isEqualTo("+250 ms");
        assertThat(TimeAxis.offset(1_500, 500)).isEqualTo("+1.5 s");
        assertThat(TimeAxis.offset(75_000, 15_000)).isEqualTo("+1 min 15 s");
        assertThat(TimeAxis.offset(3_600_000, 1_800_000)).isEqualTo("+1 h");
    }

    @Test
    void duration_picksUnitsAUserReads() {
        assertThat(TimeAxis.duration(37)).isEqualTo("37 ms");
        assertThat(TimeAxis.duration(1_250)).isEqualTo("1.25 s");
        assertThat(TimeAxis.duration(12_340)).isEqualTo("12.3 s");
        assertThat(TimeAxis.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(TimeAxis.duration(90_061_000)).isEqualTo("1 d 1 h");
    }

    @Test
    void layout_mapsTheSpanOntoThePlotAndZoomsAroundTheOffset() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("chaining"); // 0 … 132 ms
        TimelineLayout whole = layout(timeline, 0, 1, 0);
        assertThat(whole.x(timeline.start())).isEqualTo(TimelineLayout.LABELS);
        assertThat(whole.x(timeline.lastEvent())).isCloseTo(whole.plotRight(), org.assertj.core.data.Offset.offset(0.01));
        TimelineLayout zoomed = layout(timeline, 0, 2, 0.5);
        java.time.Duration span = timeline.span(timeline.lastEvent());
        assertThat(zoomed.x(timeline.start().plus(span.dividedBy(2)))).as("the middle at the left edge")
                .isCloseTo(TimelineLayout.LABELS, org.assertj.core.data.Offset.offset(0.01));
        assertThat(zoomed.millisAt(zoomed.plotRight())).isCloseTo(span.toMillis(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void hit_findsTheBarUnderThePointAndNothingBesideIt() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("chaining");
        TimelineLayout layout = layout(timeline, 0, 1, 0);
        Bar seattle = timeline.barsOf(1).get(1);
        double middle = (layout.left(seattle) + layout.right(seattle)) / 2;
        assertThat(layout.hit(middle, layout.rowTop(1) + TimelineLayout.ROW / 2)).isEqualTo(seattle);
        assertThat(layout.hit(middle, layout.rowTop(2) + 5)).as("below the last lane").isNull();
        assertThat(layout.hit(10, layout.rowTop(1) + 5)).as("on the labels").isNull();
    }

    @Test
    void visibleLanes_followTheScrollPosition() {
        Timeline big = TimelineModel.build(Histories.fanOut(2_000, 500));
        TimelineLayout top = layout(big, 0, 1, 0);
        TimelineLayout scrolled = layout(big, 100 * TimelineLayout.ROW, 1, 0);
        assertThat(top.firstVisibleLane()).isZero();
        assertThat(top.lastVisibleLane()).isEqualTo(14); // (400 - 28) / 26 rows in sight
        assertThat(scrolled.firstVisibleLane()).isEqualTo(100);
        assertThat(scrolled.rowTop(100)).isEqualTo(TimelineLayout.AXIS);
    }

    @Test
    void firstReaching_skipsBarsLeftOfThePlot() {
        Timeline timeline = TimelineModel.build(new Histories().started("O", null)
                .scheduled(0, "A", null).after(10).completed(0, null)
                .scheduled(1, "A", null).after(10).completed(1, null)
                .scheduled(2, "A", null).after(10).completed(2, null).rows());
        TimelineLayout zoomed = layout(timeline, 0, 4, 0.7);
        List<Bar> lane = timeline.barsOf(1);
        assertThat(zoomed.firstReaching(lane, zoomed.plotLeft())).isEqualTo(2);
    }

    private static TimelineLayout layout(Timeline timeline, double scrollY, double zoom, double offset) {
        Instant now = timeline.lastEvent() == null ? Histories.T0 : timeline.lastEvent();
        return TimelineLayout.of(timeline, now, 1_000, 400, scrollY, zoom, offset);
    }
}
