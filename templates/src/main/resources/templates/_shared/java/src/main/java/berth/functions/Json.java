package berth.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A small JSON reader and writer, so the app needs no dependencies. Objects read as
/// `LinkedHashMap<String, Object>`, arrays as `List<Object>`, numbers as `Long` or `Double`.
/// Stateless, thread-safe.
public final class Json {
    private final String text;
    private int pos;

    private Json(String text) { this.text = text; }

    /// Parses one JSON value; throws IllegalArgumentException naming the offset of the first error.
    public static Object parse(String text) {
        var reader = new Json(text);
        reader.skipSpace();
        var value = reader.value();
        reader.skipSpace();
        if (reader.pos != text.length()) throw reader.error("unexpected text after the JSON value");
        return value;
    }

    /// Writes maps, lists, strings, numbers, booleans and null; anything else as its string.
    public static String write(Object value) {
        var out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private Object value() {
        if (pos >= text.length()) throw error("unexpected end of input");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        var map = new LinkedHashMap<String, Object>();
        pos++;
        skipSpace();
        if (peek('}')) return map;
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '"') throw error("expected a quoted property name");
            var key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value());
            skipSpace();
            if (peek('}')) return map;
            expect(',');
        }
    }

    private List<Object> array() {
        var list = new ArrayList<Object>();
        pos++;
        skipSpace();
        if (peek(']')) return list;
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek(']')) return list;
            expect(',');
        }
    }

    private String string() {
        var out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) break;
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("incomplete \\u escape");
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw error("invalid \\u escape");
                    }
                    pos += 4;
                }
                case '"', '\\', '/' -> out.append(e);
                default -> throw error("invalid escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
        var digits = text.substring(start, pos);
        try {
            if (digits.contains(".") || digits.contains("e") || digits.contains("E")) return Double.parseDouble(digits);
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("invalid number '" + digits + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected character '" + text.charAt(pos) + "'");
        pos += word.length();
        return value;
    }

    private boolean peek(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) throw error(pos >= text.length() ? "unexpected end of input, expected '" + c + "'"
                : "expected '" + c + "' but found '" + text.charAt(pos) + "'");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + message);
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                out.append('{');
                var first = true;
                for (var entry : map.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                var first = true;
                for (var item : list) {
                    if (!first) out.append(',');
                    first = false;
                    write(item, out);
                }
                out.append(']');
            }
            case Number n when !(n instanceof Double d && (d.isNaN() || d.isInfinite())) -> out.append(n);
            case Boolean b -> out.append(b);
            default -> quote(value.toString(), out);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
