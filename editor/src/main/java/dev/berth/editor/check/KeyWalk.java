package dev.berth.editor.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.berth.editor.Diagnostic;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// Reads every token of a document and collects duplicate keys as warnings: both JSON and YAML
/// parsers accept them and silently keep the last value, which is how a setting "does nothing".
/// Parse errors propagate as the parser's exception. One instance per parse.
final class KeyWalk {
    private final Deque<Set<String>> objects = new ArrayDeque<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    /// Walks to the end of `parser`; `onRootValueEnd` runs each time a top-level value ends and may
    /// add a diagnostic and stop the walk by returning false.
    List<Diagnostic> walk(JsonParser parser, RootEnd onRootValueEnd) throws IOException {
        int depth = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.START_OBJECT) objects.push(new HashSet<>());
            if (token == JsonToken.END_OBJECT) objects.pop();
            if (token == JsonToken.FIELD_NAME) checkKey(parser);
            if (token.isStructStart()) depth++;
            if (token.isStructEnd()) depth--;
            if (depth == 0 && token != JsonToken.FIELD_NAME && !onRootValueEnd.proceed(parser, warnings)) break;
        }
        return warnings;
    }

    private void checkKey(JsonParser parser) throws IOException {
        String key = parser.currentName();
        if (objects.isEmpty() || objects.peek().add(key)) return;
        JsonLocation at = parser.currentTokenLocation();
        warnings.add(new Diagnostic(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                "Duplicate key '" + key + "' — only the last value counts; remove or rename one",
                Diagnostic.Severity.WARNING));
    }

    @FunctionalInterface
    interface RootEnd {
        boolean proceed(JsonParser parser, List<Diagnostic> diagnostics) throws IOException;
    }
}
