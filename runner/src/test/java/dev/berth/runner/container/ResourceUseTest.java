package dev.berth.runner.container;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResourceUseTest {
    @Test
    void of_halfACoreOnAHalfCoreLimit_isFullUse() {
        // 2 cpus online; the container used 25% of all system cpu time = half a core; it was given 0.5.
        var use = ResourceUse.of(250, 1000, 2, 500_000_000L, 256L << 20, 1L << 30);

        assertThat(use.cpuPercent()).isCloseTo(100, within(0.001));
        assertThat(use.memoryPercent()).isCloseTo(25, within(0.001));
    }

    @Test
    void of_noCpuLimit_measuresAgainstTheMachinesCpus() {
        var use = ResourceUse.of(250, 1000, 2, 0, 0, 0);

        assertThat(use.cpuPercent()).isCloseTo(25, within(0.001));
        assertThat(use.memoryPercent()).isZero();
    }

    @Test
    void of_firstSampleWithoutAPreviousOne_isZeroNotNegative() {
        assertThat(ResourceUse.of(-5, 0, 2, 1_000_000_000L, 1, 2).cpuPercent()).isZero();
    }
}
