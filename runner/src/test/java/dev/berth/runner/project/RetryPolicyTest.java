package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/// host.json `retry`: read, checked, and the delays it gives.
class RetryPolicyTest {
    @TempDir Path tmp;

    @Test
    void fixedDelay_isReadAndWaitsTheSameEachTime() {
        var app = new ProjectFixture(tmp).write("host.json", """
                {"version": "2.0", "retry": {"strategy": "fixedDelay", "maxRetryCount": 2, "delayInterval": "00:00:05"}}""")
                .load();

        var retry = app.host().retry().orElseThrow();
        assertThat(retry.delayBefore(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.delayBefore(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.allows(2)).isTrue();
        assertThat(retry.allows(3)).isFalse();
    }

    @Test
    void exponentialBackoff_doublesUpToTheMaximum_andMinusOneHasNoLimit() {
        var app = new ProjectFixture(tmp).write("host.json", """
                {"version": "2.0", "retry": {"strategy": "exponentialBackoff", "maxRetryCount": -1,
                 "minimumInterval": "00:00:01", "maximumInterval": "00:00:05"}}""").load();

        var retry = app.host().retry().orElseThrow();
        assertThat(retry.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.delayBefore(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.allows(1000)).isTrue();
    }

    @Test
    void badStrategy_orMissingIntervals_areErrorsWithTheShape() {
        var strategy = new ProjectFixture(tmp).write("host.json", """
                {"version": "2.0", "retry": {"strategy": "sometimes", "maxRetryCount": 2}}""").error();
        assertThat(strategy.field()).isEqualTo("retry.strategy");
        assertThat(strategy.fix()).contains("fixedDelay").contains("exponentialBackoff");

        var intervals = new ProjectFixture(tmp.resolve("b")).write("host.json", """
                {"version": "2.0", "retry": {"strategy": "exponentialBackoff", "maxRetryCount": 2,
                 "minimumInterval": "00:01:00", "maximumInterval": "00:00:05"}}""").error();
        assertThat(intervals.message()).contains("minimumInterval ≤ maximumInterval");
    }
}
