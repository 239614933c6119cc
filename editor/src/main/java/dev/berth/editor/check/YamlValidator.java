package dev.berth.editor.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.editor.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/// YAML as Jackson reads `containerapp.yaml` and job files: the first syntax error (tabs, bad
/// indentation, stray `:`, unclosed quotes or brackets) and every duplicate key. Several documents
/// (`---`) are fine. Thread-safe.
public final class YamlValidator implements Validator {
    private final YAMLFactory factory = new YAMLFactory();

    @Override
    public List<Diagnostic> validate(String text) {
        if (text.isBlank()) return List.of();
        var found = new ArrayList<Diagnostic>();
        try (JsonParser parser = factory.createParser(text)) {
            found.addAll(new KeyWalk().walk(parser, (p, diagnostics) -> true));
        } catch (StreamReadException e) {
            found.add(toDiagnostic(e));
        } catch (IOException e) {
            // Reading a String does no I/O; anything else here is a bug worth seeing.
            throw new UncheckedIOException(e);
        }
        found.sort(Diagnostics.IN_TEXT_ORDER);
        return List.copyOf(found);
    }

    private static Diagnostic toDiagnostic(StreamReadException e) {
        // Jackson's own location is where its reader was, often a line early; SnakeYAML's marks are
        // where the problem is.
        if (e.getCause() instanceof MarkedYAMLException cause && cause.getProblemMark() != null) {
            YamlMessages.Message message = YamlMessages.humanize(cause.getContext(), cause.getProblem(), line(cause.getContextMark()));
            Mark mark = message.atContext() && cause.getContextMark() != null ? cause.getContextMark() : cause.getProblemMark();
            return new Diagnostic(mark.getLine() + 1, mark.getColumn() + 1, message.text());
        }
        JsonLocation at = e.getLocation();
        return new Diagnostic(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), Diagnostics.plain(e.getOriginalMessage()));
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
