package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/// One parsed project file: its path relative to the project folder, its tree, and the line on which each
/// field starts (keyed by lower-cased field path such as `bindings[0].authlevel`), so that problems can
/// point at a line. Immutable; built by [SourceParser].
record SourceDoc(Path file, JsonNode root, Map<String, Integer> lines) {
    SourceDoc { lines = Map.copyOf(lines); }

    /// The line of `field`, or of its nearest enclosing field when it is absent (a missing field is best
    /// reported where its parent starts). 0 when nothing is known.
    int line(String field) {
        var key = field.toLowerCase(Locale.ROOT);
        while (true) {
            var line = lines.get(key);
            if (line != null) return line;
            if (key.isEmpty()) return 0;
            key = parent(key);
        }
    }

    static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut <= 0 ? "" : field.substring(0, cut);
    }

    /// `parent` + `.key` (or just `key` at the root).
    static String child(String parent, String key) { return parent.isEmpty() ? key : parent + "." + key; }

    static String item(String parent, int index) { return parent + "[" + index + "]"; }
}
