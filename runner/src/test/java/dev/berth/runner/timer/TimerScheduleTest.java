package dev.berth.runner.timer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerScheduleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            00:05:00,   PT5M
            01:00:00,   PT1H
            01:30,      PT1H30M
            00:00:30,   PT30S
            1.02:00:00, PT26H
            """)
    void parse_timeSpan_isAFixedInterval(String text, String expected) {
        var schedule = TimerSchedule.parse(text, Map.of());

        assertThat(schedule).isEqualTo(new TimerSchedule.Interval(Duration.parse(expected), ZoneOffset.UTC));
        assertThat(schedule.next(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.parse(expected)));
    }

    @Test
    void parse_timeSpanOutOfRange_explainsTheForm() {
        assertThatThrownBy(() -> TimerSchedule.parse("25:00:00", Map.of()))
                .isInstanceOf(CronFormatException.class)
                .hasMessageContaining("\"25:00:00\" is out of range: write hh:mm:ss with hours 0-23");
        assertThatThrownBy(() -> TimerSchedule.parse("00:00:00", Map.of()))
                .hasMessageContaining("\"00:00:00\" is zero");
    }

    @Test
    void parse_appSettingReference_usesTheSettingsValue() {
        var schedule = TimerSchedule.parse("%CleanupSchedule%", Map.of("CleanupSchedule", "0 0 3 * * *"));

        assertThat(schedule).isInstanceOfSatisfying(TimerSchedule.Cron.class,
                cron -> assertThat(cron.expression().text()).isEqualTo("0 0 3 * * *"));
    }

    @Test
    void parse_missingAppSetting_saysWhereToAddIt() {
        assertThatThrownBy(() -> TimerSchedule.parse("%CleanupSchedule%", Map.of()))
                .isInstanceOf(CronFormatException.class)
                .hasMessage("schedule \"%CleanupSchedule%\" names app setting CleanupSchedule, which is not set: add"
                        + " \"CleanupSchedule\": \"0 */5 * * * *\" (or your schedule) to Values in local.settings.json.");
    }

    @Test
    void parse_appSettingHoldingAFiveFieldCron_isRejectedLikeAnInlineOne() {
        assertThatThrownBy(() -> TimerSchedule.parse("%S%", Map.of("S", "*/5 * * * *")))
                .hasMessageContaining("has 5 fields; Azure Functions timers take 6, seconds first: \"0 */5 * * * *\"");
    }

    @Test
    void parse_websiteTimeZone_readsTheScheduleInThatZone() {
        var schedule = TimerSchedule.parse("0 0 9 * * *", Map.of("WEBSITE_TIME_ZONE", "Europe/Berlin"));

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.next(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
    }

    @Test
    void parse_noTimeZoneSetting_usesUtc() {
        assertThat(TimerSchedule.parse("0 0 9 * * *", Map.of()).zone()).isEqualTo(ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            Eastern Standard Time,     America/New_York
            eastern standard time,     America/New_York
            Pacific Standard Time,     America/Los_Angeles
            W. Europe Standard Time,   Europe/Berlin
            GMT Standard Time,         Europe/London
            Tokyo Standard Time,       Asia/Tokyo
            AUS Eastern Standard Time, Australia/Sydney
            UTC,                       UTC
            America/Chicago,           America/Chicago
            Asia/Kolkata,              Asia/Kolkata
            """)
    void resolve_windowsAndIanaNames_mapToZones(String name, String zone) {
        assertThat(TimerZones.resolve(name)).isEqualTo(ZoneId.of(zone));
    }

    @Test
    void resolve_windowsName_giveTheSameOccurrencesAsTheIanaId() {
        var windows = TimerSchedule.parse("0 30 8 * * 1-5", Map.of("WEBSITE_TIME_ZONE", "Eastern Standard Time"));
        var iana = TimerSchedule.parse("0 30 8 * * 1-5", Map.of("WEBSITE_TIME_ZONE", "America/New_York"));
        var after = Instant.parse("2026-03-06T00:00:00Z");

        assertThat(windows.next(after)).isEqualTo(iana.next(after)).isEqualTo(Instant.parse("2026-03-06T13:30:00Z"));
    }

    @Test
    void resolve_unknownOrAmbiguousZone_namesTheSettingAndTheFix() {
        for (var bad : new String[] {"Mars/Olympus", "EST", "Nowhere Standard Time"}) {
            assertThatThrownBy(() -> TimerZones.resolve(bad))
                    .isInstanceOf(CronFormatException.class)
                    .hasMessage("WEBSITE_TIME_ZONE \"" + bad + "\" is not a time zone: set it in local.settings.json"
                            + " Values to an IANA id such as \"Europe/Berlin\" or a Windows name such as"
                            + " \"W. Europe Standard Time\".");
        }
    }

    @Test
    void timerInfo_toJson_hasTheShapeTheFunctionsHostSends() {
        var status = new ScheduleStatus(Optional.of(Instant.parse("2026-11-22T08:00:00Z")),
                Instant.parse("2026-11-22T08:05:00Z"), Optional.of(Instant.parse("2026-11-22T08:00:00.250Z")));

        var json = new TimerInfo(Optional.of(status), true, ZoneId.of("Europe/Berlin")).toJson().toString();

        assertThat(json).isEqualTo("{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{"
                + "\"Last\":\"2026-11-22T09:00:00+01:00\",\"Next\":\"2026-11-22T09:05:00+01:00\","
                + "\"LastUpdated\":\"2026-11-22T09:00:00.25+01:00\"},\"IsPastDue\":true}");
    }

    @Test
    void timerInfo_neverRunAndUnmonitored_useNetDefaultsAndNull() {
        var firstRun = ScheduleStatus.initial(Instant.parse("2026-11-22T08:05:00Z"), Instant.parse("2026-11-22T08:01:00Z"));

        assertThat(new TimerInfo(Optional.of(firstRun), false, ZoneOffset.UTC).toJson().get("ScheduleStatus").get("Last")
                .asText()).isEqualTo("0001-01-01T00:00:00");
        assertThat(new TimerInfo(Optional.empty(), false, ZoneOffset.UTC).toJson().toString())
                .isEqualTo("{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":false}");
    }
}
