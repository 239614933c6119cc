package dev.berth.visualizer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    private static final ZoneId PLUS_TWO = ZoneOffset.ofHours(2);
    private static final Instant AT = Instant.parse("2026-03-01T12:34:56.789Z");

    @Test
    void timeMillis_localZone_showsHoursToMillis() {
        assertThat(Formats.timeMillis(AT, PLUS_TWO)).isEqualTo("14:34:56.789");
        assertThat(Formats.time(AT, PLUS_TWO)).isEqualTo("14:34:56");
        assertThat(Formats.time(null, PLUS_TWO)).isEqualTo("—");
    }

    @Test
    void millis_duration_showsOneDecimal() {
        assertThat(Formats.millis(Duration.ofNanos(12_345_678))).isEqualTo("12.3");
        assertThat(Formats.millis(Duration.ofSeconds(2))).isEqualTo("2000.0");
        assertThat(Formats.millis(Duration.ofNanos(50_000))).isEqualTo("0.1");
    }

    @Test
    void readyAfter_readyReplica_showsSecondsFromStart() {
        assertThat(Formats.readyAfter(AT, AT.plusMillis(1_840))).isEqualTo("1.84 s");
        assertThat(Formats.readyAfter(AT, null)).isEqualTo("—");
    }

    @Test
    void status_noHttpAnswer_showsErr() {
        assertThat(Formats.status(0)).isEqualTo("ERR");
        assertThat(Formats.status(404)).isEqualTo("404");
    }

    @Test
    void shortId_longContainerId_keepsTwelveChars() {
        assertThat(Formats.shortId("0123456789abcdef0123")).isEqualTo("0123456789ab");
        assertThat(Formats.shortId(null)).isEqualTo("—");
    }

    @Test
    void logLines_stderrLine_isMarkedForTheClipboard() {
        String text = Formats.logLines(List.of(new LogEntry(AT, "r1", "stdout", "ok"),
                new LogEntry(AT, "r2", "stderr", "boom")), PLUS_TWO);
        assertThat(text).isEqualTo("14:34:56.789  r1  ok\n14:34:56.789  r2 [stderr]  boom\n");
    }

    @Test
    void tone_httpStatus_mapsFamilies() {
        assertThat(Tone.ofHttpStatus(200)).isEqualTo(Tone.SUCCESS);
        assertThat(Tone.ofHttpStatus(204)).isEqualTo(Tone.SUCCESS);
        assertThat(Tone.ofHttpStatus(302)).isEqualTo(Tone.NEUTRAL);
        assertThat(Tone.ofHttpStatus(429)).isEqualTo(Tone.WARNING);
        assertThat(Tone.ofHttpStatus(503)).isEqualTo(Tone.DANGER);
        assertThat(Tone.ofHttpStatus(0)).isEqualTo(Tone.DANGER);
        assertThat(Tone.DANGER.styleClass()).isEqualTo("tone-danger");
    }

    @Test
    void tone_replicaState_mapsBadgeColours() {
        assertThat(Tone.ofReplicaState("READY")).isEqualTo(Tone.SUCCESS);
        assertThat(Tone.ofReplicaState("starting")).isEqualTo(Tone.WARNING);
        assertThat(Tone.ofReplicaState("RESTARTING")).isEqualTo(Tone.WARNING);
        assertThat(Tone.ofReplicaState("CRASHED")).isEqualTo(Tone.DANGER);
        assertThat(Tone.ofReplicaState("FAILED")).isEqualTo(Tone.DANGER);
        assertThat(Tone.ofReplicaState("STOPPED")).isEqualTo(Tone.MUTED);
        assertThat(Tone.ofReplicaState(null)).isEqualTo(Tone.MUTED);
    }
}
