package dev.berth.app.ui.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.timer.CronFormatException;
import dev.berth.runner.timer.TimerSchedule;
import dev.berth.runner.timer.TimerZones;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// The cron preview beside a function.json: when its trigger is a timerTrigger, the next occurrences of
/// its `schedule` in local time and UTC, or why the schedule is refused (the `CronFormatException`
/// message, which names the fix). `WEBSITE_TIME_ZONE` from local.settings.json sets the schedule's zone,
/// which is then also the "local" column, as in Azure and `berth cron --tz`. Text that is not valid JSON
/// (mid-edit) keeps the last preview. FX thread only.
public final class CronPreviewViewModel {
    public static final int OCCURRENCES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm:ss xxx", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH);

    /// One occurrence as shown: in the local (or schedule) zone and in UTC.
    public record Occurrence(String local, String utc) {}

    private final Clock clock;
    private final ZoneId machineZone;
    private final ReadOnlyBooleanWrapper timer = new ReadOnlyBooleanWrapper(this, "timer");
    private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper(this, "schedule", "");
    private final ReadOnlyStringWrapper zoneText = new ReadOnlyStringWrapper(this, "zone", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<Occurrence> occurrences = FXCollections.observableArrayList();
    // One wrapper for the model's life: a wrapper holds its list's listeners weakly, so a fresh one per call
    // would let the view's listener vanish with the next GC.
    private final ObservableList<Occurrence> occurrencesView = FXCollections.unmodifiableObservableList(occurrences);
    private Map<String, String> settings = Map.of();
    private String lastText = "";

    public CronPreviewViewModel(Clock clock, ZoneId machineZone) {
        this.clock = clock;
        this.machineZone = machineZone;
    }

    /// The project's local.settings.json `Values` (for WEBSITE_TIME_ZONE and `%Setting%` schedules).
    public void setSettings(Map<String, String> values) {
        settings = Map.copyOf(values);
        update(lastText);
    }

    /// Re-reads the function.json text (the view calls this after typing pauses).
    public void update(String functionJson) {
        lastText = functionJson;
        JsonNode root;
        try {
            root = JSON.readTree(functionJson);
        } catch (JsonProcessingException midEdit) {
            return;
        }
        var trigger = timerBinding(root);
        timer.set(trigger.isPresent());
        if (trigger.isEmpty()) {
            occurrences.clear();
            return;
        }
        var text = trigger.get().path("schedule").asText("");
        schedule.set(text);
        preview(text);
    }

    private void preview(String text) {
        try {
            var parsed = TimerSchedule.parse(text, settings);
            var zoneSet = settings.get(TimerZones.SETTING) != null && !settings.get(TimerZones.SETTING).isBlank();
            var shown = zoneSet ? parsed.zone() : machineZone;
            var rows = new ArrayList<Occurrence>(OCCURRENCES);
            var t = clock.instant();
            for (int i = 0; i < OCCURRENCES; i++) {
                t = parsed.next(t);
                rows.add(new Occurrence(LOCAL.format(t.atZone(shown)), UTC.format(t.atZone(ZoneOffset.UTC))));
            }
            occurrences.setAll(rows);
            zoneText.set((zoneSet ? "WEBSITE_TIME_ZONE " : "local ") + shown.getId());
            error.set("");
        } catch (CronFormatException e) {
            occurrences.clear();
            error.set(e.getMessage());
        }
    }

    private static Optional<JsonNode> timerBinding(JsonNode root) {
        if (root == null) return Optional.empty();
        for (var binding : root.path("bindings")) {
            if ("timerTrigger".equals(binding.path("type").asText())) return Optional.of(binding);
        }
        return Optional.empty();
    }

    /// Whether the file describes a timer function (the panel shows only then).
    public ReadOnlyBooleanProperty timerProperty() { return timer.getReadOnlyProperty(); }

    public ReadOnlyStringProperty scheduleProperty() { return schedule.getReadOnlyProperty(); }

    /// The zone of the "local" column, e.g. "local Europe/Berlin".
    public ReadOnlyStringProperty zoneProperty() { return zoneText.getReadOnlyProperty(); }

    /// Why the schedule is refused, or "".
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ObservableList<Occurrence> occurrences() { return occurrencesView; }
}
