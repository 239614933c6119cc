package dev.berth.editor.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.berth.editor.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/// Strict JSON (no comments, no trailing commas, one top-level value), as Azure reads `host.json`,
/// `function.json` and `local.settings.json`. Reports the first syntax error and every duplicate key.
/// Thread-safe.
public final class JsonValidator implements Validator {
    private final JsonFactory factory = new JsonFactory();

    @Override
    public List<Diagnostic> validate(String text) {
        if (text.isBlank()) return List.of();
        var found = new ArrayList<Diagnostic>();
        try (JsonParser parser = factory.createParser(text)) {
            found.addAll(new KeyWalk().walk(parser, JsonValidator::nothingAfterRoot));
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int offset = (int) Math.min(text.length(), Math.max(0, at.getCharOffset()));
            found.add(new Diagnostic(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                    JsonMessages.humanize(e.getOriginalMessage(), text, offset)));
        } catch (IOException e) {
            // Reading a String does no I/O; anything else here is a bug worth seeing.
            throw new UncheckedIOException(e);
        }
        found.sort(Diagnostics.IN_TEXT_ORDER);
        return List.copyOf(found);
    }

    private static boolean nothingAfterRoot(JsonParser parser, List<Diagnostic> found) throws IOException {
        if (parser.nextToken() == null) return false;
        JsonLocation at = parser.currentTokenLocation();
        found.add(new Diagnostic(at.getLineNr(), at.getColumnNr(),
                "Unexpected content after the end of the document — a JSON file holds one value; wrap them in [ ] or remove this"));
        return false;
    }
}
