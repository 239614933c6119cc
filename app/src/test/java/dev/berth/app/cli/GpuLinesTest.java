package dev.berth.app.cli;

import dev.berth.runner.event.GpuMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GpuLinesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static GpuMetrics sample(String replica, double busy, long memory) {
        return new GpuMetrics(T0, "rev-1", replica, List.of("0"), busy, memory, 16_000);
    }

    @Test
    void firstSampleOfEachReplica_isPrinted_thenOnlyRealMoves() {
        var lines = new GpuLines();

        assertThat(lines.worthPrinting(sample("a", 10, 1_000))).isTrue();
        assertThat(lines.worthPrinting(sample("b", 10, 1_000))).isTrue();
        assertThat(lines.worthPrinting(sample("a", 19, 1_000))).as("9 points").isFalse();
        assertThat(lines.worthPrinting(sample("a", 20, 1_000))).as("10 points since the last printed").isTrue();
        assertThat(lines.worthPrinting(sample("a", 20, 2_500))).as("memory +9.4 % of 16,000 MiB").isFalse();
        assertThat(lines.worthPrinting(sample("a", 20, 2_600))).as("memory +10 %").isTrue();
    }

    @Test
    void describe_namesReplicaDevicesBusyAndMemory() {
        assertThat(EventPrinter.describe(new GpuMetrics(T0, "rev-1", "infer-1", List.of("0", "1"), 87.4, 30_512, 163_118)))
                .isEqualTo("gpu      infer-1 GPU 0,1: 87% busy, 30,512 / 163,118 MiB");
    }
}
