package dev.berth.app.ui.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/// How queue message texts are shown: a one-line preview for the table, the full text for the detail area
/// (indented when it is JSON). Stateless; thread-safe.
public final class MessageText {
    static final int PREVIEW_CHARS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageText() {}

    /// The text on one line, cut at [#PREVIEW_CHARS] characters.
    public static String preview(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW_CHARS ? line : line.substring(0, PREVIEW_CHARS - 1) + "…";
    }

    /// The text indented when it is a JSON object or array, otherwise as it is.
    public static String detail(String text) {
        var trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return text;
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(trimmed));
        } catch (JsonProcessingException e) {
            return text; // looks like JSON but is not: show what was sent
        }
    }
}
