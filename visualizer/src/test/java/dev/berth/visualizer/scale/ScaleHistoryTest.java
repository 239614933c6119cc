package dev.berth.visualizer.scale;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void requests_inOneSecond_countInThatSecondPerRevision() {
        var history = new ScaleHistory();
        history.request("r1", T0.plusMillis(100));
        history.request("r1", T0.plusMillis(900));
        history.request("r2", T0.plusMillis(500));

        assertThat(history.revisions()).containsExactly("r1", "r2");
        assertThat(history.track("r1").requests().valueAt(T0.toEpochMilli())).isEqualTo(2);
        assertThat(history.track("r2").requests().valueAt(T0.toEpochMilli() + 999)).isEqualTo(1);
    }

    @Test
    void decision_setsDesiredAndKeepsItsMarker() {
        var history = new ScaleHistory();
        var marker = new ScaleMarker(T0, 1, 4, "http", "37 in flight / target 10 → 4 replicas", List.of("http (http): 37 / target 10 → 4 replicas"));
        long before = history.changes();
        history.decision("r1", marker);

        assertThat(history.changes()).isGreaterThan(before);
        assertThat(history.track("r1").desired().valueAt(T0.toEpochMilli())).isEqualTo(4);
        assertThat(history.track("r1").markers()).containsExactly(marker);
        assertThat(marker.describe(ZoneOffset.UTC)).startsWith("10:00:00  1 → 4 replicas (http)")
                .contains("37 in flight").contains("• http (http): 37");
    }

    @Test
    void track_unknownRevision_isEmpty() {
        assertThat(new ScaleHistory().track("nope").alive().size()).isZero();
    }
}
