package dev.berth.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CronCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cron(String machineZone, String... args) {
        var clock = Clock.fixed(Instant.parse("2026-03-07T10:03:27Z"), ZoneOffset.UTC);
        var cli = new CommandLine(new CronCommand(clock, ZoneId.of(machineZone)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void cron_validExpression_printsNextOccurrencesInLocalTimeAndUtc() {
        int code = cron("Europe/Berlin", "0 */5 * * * *", "--next", "3");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Next 3 occurrences of \"0 */5 * * * *\" (schedule zone UTC):",
                "  Sat 2026-03-07 11:05:00 +01:00   Sat 2026-03-07 10:05:00 UTC",
                "  Sat 2026-03-07 11:10:00 +01:00   Sat 2026-03-07 10:10:00 UTC",
                "  Sat 2026-03-07 11:15:00 +01:00   Sat 2026-03-07 10:15:00 UTC");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void cron_defaultCount_printsTenOccurrences() {
        assertThat(cron("UTC", "0 0 9 * * Mon-Fri")).isZero();

        assertThat(out.toString().lines()).hasSize(11).element(1)
                .isEqualTo("  Mon 2026-03-09 09:00:00 +00:00   Mon 2026-03-09 09:00:00 UTC");
    }

    @Test
    void cron_withTimeZoneAcrossSpringForward_showsTheScheduleZoneAndUtc() {
        int code = cron("Asia/Tokyo", "0 30 8 * * *", "--next", "2", "--tz", "Eastern Standard Time");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Next 2 occurrences of \"0 30 8 * * *\" (schedule zone America/New_York):",
                "  Sat 2026-03-07 08:30:00 -05:00   Sat 2026-03-07 13:30:00 UTC",
                "  Sun 2026-03-08 08:30:00 -04:00   Sun 2026-03-08 12:30:00 UTC");
    }

    @Test
    void cron_timeSpan_printsFixedIntervals() {
        assertThat(cron("UTC", "00:30:00", "--next", "2")).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "Next 2 occurrences of \"00:30:00\" (schedule zone UTC):",
                "  Sat 2026-03-07 10:33:27 +00:00   Sat 2026-03-07 10:33:27 UTC",
                "  Sat 2026-03-07 11:03:27 +00:00   Sat 2026-03-07 11:03:27 UTC");
    }

    @Test
    void cron_fiveFieldExpression_exitsTwoWithTheSixFieldForm() {
        int code = cron("UTC", "*/5 * * * *");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("\"*/5 * * * *\" has 5 fields; Azure Functions timers take 6, seconds first: \"0 */5 * * * *\".");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void cron_badField_exitsTwoNamingTheFieldAndRange() {
        assertThat(cron("UTC", "0 0 25 * * *")).isEqualTo(2);

        assertThat(err.toString()).contains("hour field (3 of 6, allowed 0-23): 25 is outside the allowed range 0-23");
    }

    @Test
    void cron_unknownZone_exitsTwoNamingTheFix() {
        assertThat(cron("UTC", "0 0 * * * *", "--tz", "Mars/Olympus")).isEqualTo(2);

        assertThat(err.toString()).contains("\"Mars/Olympus\" is not a time zone").contains("Europe/Berlin");
    }

    @Test
    void cron_nextOutOfRange_exitsTwo() {
        assertThat(cron("UTC", "0 0 * * * *", "--next", "0")).isEqualTo(2);

        assertThat(err.toString()).contains("--next 0 is out of range: give 1-1000");
    }

    @Test
    void berth_cronSubcommand_isRegisteredAndRuns() {
        var berth = new CommandLine(new BerthCommand(), new CommandFactory(() -> {
            throw new AssertionError("berth cron needs no runner");
        }));
        berth.setOut(new PrintWriter(out));

        assertThat(berth.execute("cron", "0 0 * * * *", "--next", "2")).isZero();
        assertThat(out.toString().lines()).hasSize(3).first().asString().startsWith("Next 2 occurrences");
    }
}
