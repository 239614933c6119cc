package dev.berth.runner.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.file.Path;
import java.util.regex.Pattern;

/// Turns a Jackson parse failure into a short reason and a concrete fix. Jackson's own messages name token
/// codes and internal states; users need "remove the trailing comma". Stateless.
final class SyntaxHints {
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private SyntaxHints() {}

    static ProjectProblem problem(Path file, String text, JsonProcessingException e, boolean yaml) {
        var location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        var mark = yaml ? lastMark(e.getOriginalMessage()) : null;
        if (mark != null) {
            line = mark[0];
            column = mark[1];
        }
        var hint = yaml ? yamlHint(yamlProblem(e.getOriginalMessage()))
                : jsonHint(firstLine(e.getOriginalMessage()), text, location);
        var where = column > 0 ? " (column " + column + ")" : "";
        return new ProjectProblem(file, line, "", (yaml ? "invalid YAML" : "invalid JSON") + where + ": "
                + hint.reason() + ".", hint.fix(), ProjectProblem.Severity.ERROR);
    }

    private record Hint(String reason, String fix) {}

    private static Hint jsonHint(String original, String text, JsonLocation location) {
        if (original.startsWith("Duplicate field")) {
            return new Hint(original.replace("Duplicate field", "the field").trim() + " appears twice",
                    "keep one of the two entries.");
        }
        if (original.contains("end-of-input")) {
            return new Hint("the file ends before the JSON is complete",
                    "close every { with } and every [ with ].");
        }
        var unexpected = unexpectedChar(original);
        if (unexpected != null && (unexpected.equals("}") || unexpected.equals("]"))
                && previousNonBlank(text, location) == ',') {
            return new Hint("unexpected character '" + unexpected + "' after a comma",
                    "remove the trailing comma before '" + unexpected + "'.");
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return new Hint("a field name is not in double quotes"
                    + (unexpected == null ? "" : " (found '" + unexpected + "')"),
                    "write field names in double quotes, like \"name\": value.");
        }
        if (original.contains("was expecting comma to separate")) {
            return new Hint("a comma is missing between two entries"
                    + (unexpected == null ? "" : " (found '" + unexpected + "')"),
                    "put a comma between the entries.");
        }
        if (original.startsWith("Unrecognized token") || "'".equals(unexpected)) {
            return new Hint("a value that is not JSON: " + original.replaceAll("\\s*\\(.*$", ""),
                    "put text values in double quotes; use true, false, null or numbers for the rest.");
        }
        return new Hint(unexpected == null ? original : "unexpected character '" + unexpected + "'",
                "correct the JSON syntax at this position.");
    }

    private static Hint yamlHint(String original) {
        var reason = original.isBlank() ? "the YAML is malformed" : original;
        if (original.startsWith("Duplicate field")) {
            return new Hint(original.replace("Duplicate field", "the key").trim() + " appears twice",
                    "keep one of the two entries.");
        }
        if (original.contains("(TAB)") || original.contains("\t")) {
            return new Hint("a tab character", "indent with spaces; YAML does not allow tabs.");
        }
        if (original.contains("mapping values are not allowed")) {
            return new Hint("a ':' where no key may start",
                    "check the indentation of this line and the one before; quote values that contain ': '.");
        }
        if (original.contains("expected <block end>")) {
            return new Hint("the indentation does not match the lines above",
                    "indent the keys of one mapping by the same number of spaces.");
        }
        if (original.contains("end of stream") || original.contains("could not find expected")) {
            return new Hint(reason + " (a quote or bracket is not closed)",
                    "close the quote or bracket opened on this line or above.");
        }
        return new Hint(reason, "correct the YAML syntax at this position (indentation, ':' after keys, quotes).");
    }

    /// "Unexpected character ('}' (code 125)): …" → "}".
    private static String unexpectedChar(String original) {
        var marker = "Unexpected character ('";
        int at = original.indexOf(marker);
        if (at < 0 || original.length() < at + marker.length() + 1) return null;
        return original.substring(at + marker.length(), at + marker.length() + 1);
    }

    private static char previousNonBlank(String text, JsonLocation location) {
        if (location == null) return 0;
        long offset = location.getCharOffset();
        if (offset < 0 || offset > text.length()) return 0;
        for (int i = (int) offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) return c;
        }
        return 0;
    }

    /// SnakeYAML writes "while parsing …" (context), then the problem, each followed by indented lines that
    /// quote the source; the last unindented line is the problem itself.
    private static String yamlProblem(String message) {
        if (message == null) return "";
        var problem = "";
        for (var line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) problem = line.strip();
        }
        return problem;
    }

    /// SnakeYAML's last "line N, column M" is where the problem is; Jackson's location can be the context's.
    private static int[] lastMark(String message) {
        if (message == null) return null;
        var matcher = MARK.matcher(message);
        int[] mark = null;
        while (matcher.find()) mark = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
        return mark;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        var trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
