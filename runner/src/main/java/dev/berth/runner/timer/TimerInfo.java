package dev.berth.runner.timer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/// The trigger value a timer function receives, shaped as the Functions host serializes TimerInfo for
/// workers and custom handlers:
/// `{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":…,"Next":…,"LastUpdated":…},"IsPastDue":false}`.
/// `ScheduleStatus` is null when the timer is not monitored, as in Azure. Immutable.
public record TimerInfo(Optional<ScheduleStatus> status, boolean isPastDue, ZoneId zone) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
    /// Newtonsoft writes .NET's default DateTime (a timer that never ran) like this.
    static final String NEVER = "0001-01-01T00:00:00";

    /// The payload as a JSON object, ready to sit under the binding's name in the request's `Data`.
    public ObjectNode toJson() {
        var root = JSON.createObjectNode();
        root.putObject("Schedule").put("AdjustForDST", true);
        if (status.isPresent()) {
            var s = status.get();
            var node = root.putObject("ScheduleStatus");
            node.put("Last", format(s.last()));
            node.put("Next", format(Optional.of(s.next())));
            node.put("LastUpdated", format(s.lastUpdated()));
        } else {
            root.putNull("ScheduleStatus");
        }
        root.put("IsPastDue", isPastDue);
        return root;
    }

    /// ISO 8601 with the zone's offset (`2026-11-22T09:00:00+01:00`), fractions only when present, as
    /// Newtonsoft's round-trip format writes a local DateTime.
    private String format(Optional<Instant> instant) {
        if (instant.isEmpty()) return NEVER;
        var at = instant.get().atZone(zone);
        var text = new StringBuilder(LOCAL.format(at));
        int nanos = at.getNano();
        if (nanos != 0) {
            var ticks = String.format("%07d", nanos / 100).replaceAll("0+$", "");
            if (!ticks.isEmpty()) text.append('.').append(ticks);
        }
        return text.append(OFFSET.format(at)).toString();
    }
}
