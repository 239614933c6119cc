package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Human output of `berth durable`: instance lists and history as aligned columns, an instance's status as
/// labelled lines, payloads as compact JSON cut to one line. Reads the management API's JSON. Stateless.
final class DurablePrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int PAYLOAD_WIDTH = 60;
    /// The fields of a history event that say what it carried, in the order they are shown.
    private static final List<String> DETAILS = List.of("Reason", "Result", "Input", "FireAt", "InstanceId", "Data");

    private DurablePrinter() {}

    static void instances(PrintWriter out, List<JsonNode> instances) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("INSTANCE", "NAME", "STATUS", "CREATED", "UPDATED"));
        for (var i : instances) {
            rows.add(List.of(i.path("instanceId").asText(), i.path("name").asText(), i.path("runtimeStatus").asText(),
                    time(i.path("createdTime"), TIME), time(i.path("lastUpdatedTime"), TIME)));
        }
        table(out, "", rows);
    }

    static void status(PrintWriter out, JsonNode status) {
        line(out, "Instance", status.path("instanceId").asText());
        line(out, "Name", status.path("name").asText());
        line(out, "Status", status.path("runtimeStatus").asText());
        line(out, "Created", time(status.path("createdTime"), TIME));
        line(out, "Updated", time(status.path("lastUpdatedTime"), TIME));
        payloadLine(out, "Input", status.path("input"));
        payloadLine(out, "Output", status.path("output"));
        payloadLine(out, "Custom", status.path("customStatus"));
        var history = status.path("historyEvents");
        if (!history.isArray()) return;
        out.println();
        out.println("History (" + history.size() + " event" + (history.size() == 1 ? "" : "s") + ")");
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("TIME", "EVENT", "NAME", "DETAIL"));
        for (var event : history) {
            var name = event.hasNonNull("FunctionName") ? event.path("FunctionName").asText() : event.path("Name").asText();
            rows.add(List.of(time(event.path("Timestamp"), EVENT_TIME), event.path("EventType").asText(), name,
                    detail(event)));
        }
        table(out, "  ", rows);
    }

    /// What an event carried: its failure, result, input, timer or target, the first one it has.
    private static String detail(JsonNode event) {
        for (var field : DETAILS) {
            var value = event.get(field);
            if (value == null || value.isNull()) continue;
            var text = value.isTextual() && !field.equals("Result") && !field.equals("Input") ? value.asText() : value.toString();
            return (field.equals("FireAt") ? "fires " : field.equals("InstanceId") ? "instance " : "")
                    + StorageCli.shorten(text, PAYLOAD_WIDTH);
        }
        return "";
    }

    private static void payloadLine(PrintWriter out, String label, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) return;
        line(out, label, StorageCli.shorten(value.toString(), 100));
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-9s %s%n", label, value);
    }

    /// `rows` (the first is the header) in columns as wide as their widest cell; the last column is not padded.
    private static void table(PrintWriter out, String indent, List<List<String>> rows) {
        int columns = rows.getFirst().size();
        var widths = new int[columns];
        for (var row : rows) {
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        for (var row : rows) {
            var line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /// An ISO time as UTC text; what does not parse is shown as it came.
    private static String time(JsonNode value, DateTimeFormatter format) {
        if (value.isMissingNode() || value.isNull()) return "";
        try {
            return format.format(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            return value.asText();
        }
    }
}
