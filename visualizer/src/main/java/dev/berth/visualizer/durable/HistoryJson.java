package dev.berth.visualizer.durable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Histories as JSON: the format of the golden histories under `visualizer/src/test/resources/golden/`
/// (described on [HistoryRow]), one event per line when written, so a recorded history diffs well.
/// Stateless; any thread.
public final class HistoryJson {
    private HistoryJson() {
    }

    /// Reads a JSON array of history events.
    /// @throws IllegalArgumentException naming the event and field that is wrong
    public static List<HistoryRow> read(String json) {
        if (!(Json.parse(json) instanceof List<?> events)) {
            throw new IllegalArgumentException("a history is a JSON array of events, one object per event");
        }
        List<HistoryRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Map<?, ?> event)) {
                throw new IllegalArgumentException("history event " + i + " is not a JSON object");
            }
            rows.add(row(i, event));
        }
        return rows;
    }

    /// Writes `history` as a JSON array, one event per line, every field present.
    public static String write(List<HistoryRow> history) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < history.size(); i++) {
            HistoryRow row = history.get(i);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("sequence", new Json.Number(Integer.toString(row.sequence())));
            fields.put("eventId", new Json.Number(Integer.toString(row.eventId())));
            fields.put("kind", row.kind().eventType());
            fields.put("timestamp", row.timestamp().toString());
            fields.put("name", row.name());
            fields.put("taskId", new Json.Number(Integer.toString(row.taskId())));
            fields.put("data", row.data());
            fields.put("failure", row.failure());
            fields.put("fireAt", row.fireAt() == null ? null : row.fireAt().toString());
            fields.put("target", row.target());
            fields.put("status", row.status());
            out.append("  ").append(Json.write(fields).replaceAll("\n\\s*", " ").replace("{ ", "{").replace(" }", "}"))
                    .append(i + 1 < history.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static HistoryRow row(int index, Map<?, ?> event) {
        String where = "history event " + index;
        String kind = text(event, "kind", where);
        if (kind == null) {
            throw new IllegalArgumentException(where + " has no \"kind\"; give its EventType, e.g. \"TaskScheduled\"");
        }
        Instant timestamp = instant(event, "timestamp", where);
        if (timestamp == null) {
            throw new IllegalArgumentException(where + " has no \"timestamp\"; give an ISO-8601 instant such as"
                    + " \"2026-01-05T10:00:00Z\"");
        }
        return new HistoryRow(integer(event, "sequence", index, where), integer(event, "eventId", -1, where),
                EventKind.parse(kind), timestamp, text(event, "name", where), integer(event, "taskId", -1, where),
                text(event, "data", where), text(event, "failure", where), instant(event, "fireAt", where),
                text(event, "target", where), text(event, "status", where));
    }

    private static String text(Map<?, ?> event, String field, String where) {
        Object value = event.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string"
                + ("data".equals(field) ? " holding the JSON text, e.g. \"{\\\"city\\\":\\\"Tokyo\\\"}\"" : ""));
    }

    private static int integer(Map<?, ?> event, String field, int absent, String where) {
        Object value = event.get(field);
        if (value == null) {
            return absent;
        }
        try {
            return ((Json.Number) value).intValue();
        } catch (ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a whole number", e);
        }
    }

    private static Instant instant(Map<?, ?> event, String field, String where) {
        String value = text(event, field, where);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" is not an ISO-8601 instant such as"
                    + " \"2026-01-05T10:00:00Z\"", e);
        }
    }
}
