package dev.berth.visualizer.durable;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OrchestratorLogTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void add_replayedLines_foldIntoTheirFirstExecution() {
        OrchestratorLog log = new OrchestratorLog(100);
        // Three passes of a chaining orchestrator: each replays what the earlier ones printed.
        log.add(T0, false, "saying hello to Tokyo");
        log.add(T0, true, "saying hello to Tokyo");
        log.add(T0, false, "saying hello to Seattle");
        log.add(T0, true, "saying hello to Tokyo");
        log.add(T0, true, "saying hello to Seattle");
        log.add(T0, false, "done");
        assertThat(log.entries()).extracting(OrchestratorLog.Entry::marker).containsExactly(
                "first execution · ×2 replays", "first execution · ×1 replay", "first execution");
    }

    @Test
    void add_sameTextRunTwice_countsReplaysPerOccurrence() {
        OrchestratorLog log = new OrchestratorLog(100);
        log.add(T0, false, "tick");
        log.add(T0, false, "tick");
        log.add(T0, true, "tick");
        log.add(T0, true, "tick");
        log.add(T0, true, "tick"); // a second pass that printed nothing new
        log.add(T0, true, "tick");
        assertThat(log.entries()).extracting(OrchestratorLog.Entry::replays).containsExactly(2, 2);
    }

    @Test
    void add_replayNeverSeenFirstHand_showsOnceAsReplay() {
        OrchestratorLog log = new OrchestratorLog(100);
        log.add(T0, true, "started earlier");
        log.add(T0.plusSeconds(1), true, "started earlier");
        assertThat(log.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.firstExecution()).isFalse();
            assertThat(entry.marker()).isEqualTo("replay · ×2");
            assertThat(entry.at()).isEqualTo(T0);
        });
    }

    @Test
    void add_pastCapacity_dropsTheOldestLines() {
        OrchestratorLog log = new OrchestratorLog(2);
        log.add(T0, false, "a");
        log.add(T0, false, "b");
        log.add(T0, false, "c");
        log.add(T0, true, "a"); // its first execution is gone: a replay of its own
        assertThat(log.entries()).extracting(OrchestratorLog.Entry::text).containsExactly("c", "a");
    }
}
