package dev.berth.visualizer.revision;

import dev.berth.visualizer.Tone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// How a revision's state reads and is coloured in the list, and how an observed share is written.
class RevisionRowTest {
    private static RevisionRow row(String state, int ready) {
        return new RevisionRow("app--1", state, true, true, ready, 1, Instant.EPOCH, "berth/app:1", 100, List.of());
    }

    @Test
    void runningWithAReadyReplica_isHealthyGreen() {
        assertThat(row("Running", 1).health()).isEqualTo(Tone.SUCCESS);
        assertThat(row("Running", 1).healthText()).isEqualTo("Running · healthy");
    }

    @Test
    void runningWithNoReadyReplica_isAmber_andSaysSo() {
        assertThat(row("Running", 0).health()).isEqualTo(Tone.WARNING);
        assertThat(row("Running", 0).healthText()).isEqualTo("Running · no replica ready");
    }

    @Test
    void provisioningFailedAndInactive_haveTheirTones() {
        assertThat(row("Provisioning", 0).healthText()).isEqualTo("Provisioning…");
        assertThat(row("Failed", 0).health()).isEqualTo(Tone.DANGER);
        assertThat(row("Inactive", 0).health()).isEqualTo(Tone.MUTED);
        assertThat(row("Inactive", 0).healthText()).isEqualTo("Inactive");
    }

    @Test
    void observedShare_showsOneDecimalAndTheRequestCount() {
        assertThat(TrafficChart.observedText(new TrafficBar("a", 80, 78.44, 392))).isEqualTo("78.4% · 392 req");
    }
}
