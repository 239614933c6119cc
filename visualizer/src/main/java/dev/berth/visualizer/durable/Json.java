package dev.berth.visualizer.durable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A small JSON reader and writer for what the durable views show and the golden histories hold (the
/// visualizer has no JSON library). Values are `Map<String, Object>` (keys in document order), `List<Object>`,
/// `String`, [Number] (its text as written, so `1.50` stays `1.50`), `Boolean` and null. Stateless; any thread.
public final class Json {
    /// A number as written in the document.
    public record Number(String text) {
        public int intValue() {
            return Integer.parseInt(text);
        }
    }

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /// Reads one JSON value.
    /// @throws IllegalArgumentException naming the line and column where the text stops being JSON
    public static Object parse(String text) {
        Json reader = new Json(text);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    /// `text` indented two spaces a level when it is JSON; otherwise as it is (a payload need not be JSON).
    public static String pretty(String text) {
        if (text == null) {
            return "";
        }
        try {
            StringBuilder out = new StringBuilder();
            write(parse(text), out, 0);
            return out.toString();
        } catch (IllegalArgumentException notJson) {
            return text;
        }
    }

    /// A value as indented JSON.
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /// A string as a JSON string literal, quotes included.
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.chars().forEach(c -> out.append(switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 ? "\\u%04x".formatted(c) : Character.toString(c);
        }));
        return out.append('"').toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String string -> out.append(quote(string));
            case Number number -> out.append(number.text());
            case Boolean bool -> out.append(bool);
            case Map<?, ?> map -> writeMembers(map.entrySet(), out, depth, '{', '}');
            case List<?> list -> writeMembers(list, out, depth, '[', ']');
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeMembers(Iterable<?> members, StringBuilder out, int depth, char open, char close) {
        out.append(open);
        boolean first = true;
        for (Object member : members) {
            out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
            first = false;
            if (member instanceof Map.Entry<?, ?> entry) {
                out.append(quote(String.valueOf(entry.getKey()))).append(": ");
                write(entry.getValue(), out, depth + 1);
            } else {
                write(member, out, depth + 1);
            }
        }
        if (!first) {
            out.append('\n').append("  ".repeat(depth));
        }
        out.append(close);
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            skipSpace();
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return items;
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> out.append(unicode());
                case '"', '\\', '/' -> out.append(escaped);
                default -> throw error("unknown escape '\\" + escaped + "'");
            }
        }
        throw error("a string is not closed");
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("a \\u escape needs four hex digits");
        }
    }

    private Number number() {
        int begin = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(begin, pos);
        try {
            Double.parseDouble(number);
        } catch (NumberFormatException e) {
            pos = begin;
            throw error("'" + number + "' is not a number");
        }
        return new Number(number);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(pos >= text.length() ? "the text ends where '" + c + "' should be" : "expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + column + ": " + what);
    }
}
