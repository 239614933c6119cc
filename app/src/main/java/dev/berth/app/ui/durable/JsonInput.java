package dev.berth.app.ui.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/// Checks the JSON a user typed for an orchestration's input or an event's payload before anything is sent.
/// An empty field means "no payload". Stateless; thread-safe.
public final class JsonInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonInput() {}

    /// Why `text` cannot be sent as `what` ("The input"), naming where it breaks and the fix; empty when it is
    /// JSON or blank.
    public static Optional<String> problem(String what, String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try (var parser = JSON.createParser(text)) {
            JSON.readTree(parser);
            if (parser.nextToken() != null) {
                return Optional.of(what + " has more after its JSON value (line " + parser.currentLocation().getLineNr()
                        + "). Keep one value, e.g. wrap several in [ ].");
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            var where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            var hint = e.getOriginalMessage().startsWith("Unrecognized token") ? " Text must be quoted, e.g. \"hello\"." : "";
            return Optional.of(what + " is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + ". Fix it, or clear the field to send none." + hint);
        } catch (java.io.IOException e) {
            return Optional.of(what + " could not be read: " + e.getMessage());
        }
    }

    /// The text to send: null when blank (no payload), else as typed.
    public static String payload(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
