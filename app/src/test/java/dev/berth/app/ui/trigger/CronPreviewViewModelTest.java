package dev.berth.app.ui.trigger;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CronPreviewViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:02:30Z"), ZoneOffset.UTC);
    private final CronPreviewViewModel model = new CronPreviewViewModel(CLOCK, ZoneId.of("Europe/Berlin"));

    private static String timer(String schedule) {
        return "{\"bindings\": [{\"type\": \"timerTrigger\", \"direction\": \"in\", \"name\": \"t\", \"schedule\": \""
                + schedule + "\"}]}";
    }

    @Test
    void timerSchedule_listsTenOccurrencesInLocalTimeAndUtc() {
        model.update(timer("0 */5 * * * *"));
        assertThat(model.timerProperty().get()).isTrue();
        assertThat(model.occurrences()).hasSize(10);
        assertThat(model.occurrences().getFirst())
                .isEqualTo(new CronPreviewViewModel.Occurrence("Sun 2026-03-01 11:05:00 +01:00", "Sun 2026-03-01 10:05:00 UTC"));
        assertThat(model.occurrences().get(9).utc()).isEqualTo("Sun 2026-03-01 10:50:00 UTC");
        assertThat(model.zoneProperty().get()).isEqualTo("local Europe/Berlin");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void fiveFieldSchedule_showsTheCronFormatMessageAndNoOccurrences() {
        model.update(timer("0 */5 * * * *"));
        model.update(timer("*/5 * * * *"));
        assertThat(model.occurrences()).isEmpty();
        assertThat(model.errorProperty().get()).isNotEmpty().contains("*/5 * * * *");
    }

    @Test
    void websiteTimeZone_readsTheScheduleInThatZone() {
        model.setSettings(Map.of("WEBSITE_TIME_ZONE", "Tokyo Standard Time"));
        model.update(timer("0 0 9 * * *"));
        assertThat(model.occurrences().getFirst())
                .isEqualTo(new CronPreviewViewModel.Occurrence("Mon 2026-03-02 09:00:00 +09:00", "Mon 2026-03-02 00:00:00 UTC"));
        assertThat(model.zoneProperty().get()).isEqualTo("WEBSITE_TIME_ZONE Asia/Tokyo");
    }

    @Test
    void notATimer_hidesThePreview_andInvalidJsonMidEditKeepsTheLastOne() {
        model.update(timer("0 0 * * * *"));
        model.update("{\"bindings\": [{\"type\": \"timerTrig");
        assertThat(model.timerProperty().get()).isTrue();
        assertThat(model.occurrences()).hasSize(10);
        model.update("{\"bindings\": [{\"type\": \"queueTrigger\", \"queueName\": \"q\"}]}");
        assertThat(model.timerProperty().get()).isFalse();
        assertThat(model.occurrences()).isEmpty();
    }
}
