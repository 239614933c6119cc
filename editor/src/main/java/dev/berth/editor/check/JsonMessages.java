package dev.berth.editor.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Turns Jackson's JSON error messages into short ones that say what to fix. Pure.
final class JsonMessages {
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile("Unexpected end-of-input: expected close marker for (Object|Array) .*line: (\\d+).*", Pattern.DOTALL);
    private static final Pattern WRONG_CLOSE = Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*line: (\\d+).*", Pattern.DOTALL);
    private static final Pattern CTRL_CHAR = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern BAD_ESCAPE = Pattern.compile("Unrecognized character escape '(.)'.*", Pattern.DOTALL);

    private JsonMessages() {}

    /// `offset` is where the parser stopped in `text`; the text around it picks the likely fix.
    static String humanize(String original, String text, int offset) {
        String message = original == null ? "" : original;
        Matcher m;
        if ((m = UNEXPECTED_CHAR.matcher(message)).matches()) return unexpected(m.group(1), m.group(2), text, offset);
        if ((m = UNRECOGNIZED.matcher(message)).matches()) {
            return "Unknown word '" + m.group(1) + "' — put text in double quotes; the only bare words are true, false and null";
        }
        if ((m = UNCLOSED.matcher(message)).matches()) {
            boolean object = m.group(1).equals("Object");
            return "The " + (object ? "'{'" : "'['") + " opened on line " + m.group(2) + " is never closed — add "
                    + (object ? "'}'" : "']'");
        }
        if ((m = WRONG_CLOSE.matcher(message)).matches()) {
            return "Found '" + m.group(1) + "' but the bracket opened on line " + m.group(3) + " needs '" + m.group(2) + "'";
        }
        if ((m = CTRL_CHAR.matcher(message)).matches()) {
            return m.group(1).equals("9") ? "Tab inside a string — write \\t instead"
                    : "Line break inside a string — close it with '\"' on this line or write \\n";
        }
        if ((m = BAD_ESCAPE.matcher(message)).matches()) {
            return "Unknown escape '\\" + m.group(1) + "' — use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX";
        }
        if (message.contains("was expecting closing quote")) return "Unclosed string — add the closing '\"'";
        if (message.contains("Leading zeroes not allowed")) return "Numbers cannot start with 0 — remove the leading zero";
        return Diagnostics.plain(message);
    }

    private static String unexpected(String ch, String expectation, String text, int offset) {
        boolean afterComma = previousSignificant(text, offset) == ',';
        if (afterComma && (ch.equals("}") || ch.equals("]"))) return "Unexpected character '" + ch + "' — remove the trailing comma?";
        if (ch.equals("'")) return "Single quote found — JSON needs double quotes (\") around keys and strings";
        if (ch.equals("/") || ch.equals("#")) return "JSON does not allow comments — remove this one";
        if (expectation.contains("double-quote to start field name")) {
            return "Unexpected character '" + ch + "' — expected a key in double quotes";
        }
        if (expectation.contains("comma to separate")) return "Missing ',' before '" + ch + "' — separate entries with commas";
        if (expectation.contains("colon to separate")) return "Missing ':' between the key and its value";
        if (expectation.contains("expected a valid value") || expectation.contains("expected a value")) {
            return "Unexpected character '" + ch + "' — expected a value (a string, number, object, array, true, false or null)";
        }
        return "Unexpected character '" + ch + "'";
    }

    private static char previousSignificant(String text, int offset) {
        for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) return text.charAt(i);
        }
        return '\0';
    }
}
