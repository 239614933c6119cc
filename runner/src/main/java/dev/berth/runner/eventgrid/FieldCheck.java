package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.project.LineTree;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/// Reads the fields of one published event and records what is wrong with each, named by the event's place
/// in the request (`events[2]`, or `event` for a single CloudEvent). Mutable; confined to the parsing thread.
final class FieldCheck {
    static final String TIME_EXAMPLE = "\"2026-11-21T18:41:00.958Z\"";

    private final ObjectNode event;
    private final String where;
    private final List<String> problems;
    private final int problemsBefore;

    FieldCheck(ObjectNode event, String where, List<String> problems) {
        this.event = event;
        this.where = where;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /// Whether nothing was wrong with this event so far.
    boolean clean() { return problems.size() == problemsBefore; }

    boolean has(String field) { return event.has(field) && !event.get(field).isNull(); }

    JsonNode node(String field) { return event.get(field); }

    /// A string that must be present and not blank; "" when it is not (and the problem is recorded).
    String required(String field, String fix) {
        var value = present(field, fix);
        if (value.isBlank() && has(field) && event.get(field).isTextual()) {
            problem(field, "is empty.", "set \"" + field + "\" to " + fix);
            return "";
        }
        return value;
    }

    /// A string that may be absent (then `fallback`) but is a string when present; empty is allowed.
    String optional(String field, String fallback) {
        var value = event.get(field);
        if (value == null || value.isNull()) return fallback;
        if (!value.isTextual()) {
            problem(field, "must be a string, not " + describe(value) + ".", "put the value in double quotes, or leave the field out.");
            return fallback;
        }
        return value.asText();
    }

    /// A present string, possibly empty (dataVersion).
    String present(String field, String fix) {
        var value = event.get(field);
        if (value == null || value.isNull()) {
            problem(field, "missing.", "add \"" + field + "\": " + fix);
            return "";
        }
        if (!value.isTextual()) {
            problem(field, "must be a string, not " + describe(value) + ".", "write it in double quotes: " + fix);
            return "";
        }
        return value.asText();
    }

    /// Checks `text` (already read from `field`) as a date and time; `offsetRequired` for RFC 3339 (CloudEvents).
    void time(String field, String text, boolean offsetRequired) {
        if (text.isEmpty()) return;
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException withOffset) {
            if (!offsetRequired && isLocal(text)) return;
            problem(field, "\"" + text + "\" is not " + (offsetRequired ? "an RFC 3339" : "an ISO 8601") + " date and time.",
                    "write it like " + TIME_EXAMPLE + " (UTC) or with an offset such as \"2026-11-21T19:41:00+01:00\".");
        }
    }

    private static boolean isLocal(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    void problem(String field, String message, String fix) {
        problems.add(where + (field.isEmpty() ? "" : "." + field) + ": " + message + " Fix: " + fix);
    }

    /// "a string", "the number 5", … for messages about a value of the wrong kind.
    static String describe(JsonNode node) { return LineTree.describe(node); }
}
